/** Small community-wide settings and secrets, one document each in the `config` collection. */
import { createHmac, randomBytes } from 'crypto';
import type { Signer } from '../../core/domain/checkin-token';
import { findById, inTransaction, type Database } from './db';

export const CONFIG = 'config';
const SECRETS_ID = 'secrets';

/** HMAC-SHA256, base64url, first 128 bits: short enough for a QR code, long enough to resist forgery. */
export const hmacSigner: Signer = (secret, message) =>
  createHmac('sha256', secret).update(message).digest('base64url').slice(0, 22);

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The secret that signs 电子志愿者证 codes, created on first use. */
export async function cardSecret(db: Database): Promise<string> {
  const existing = await findById<{ cardSecret: string }>(db, CONFIG, SECRETS_ID);
  if (existing) return existing.cardSecret;
  return inTransaction(db, async (tx) => {
    const raced = await findById<{ cardSecret: string }>(tx, CONFIG, SECRETS_ID);
    if (raced) return raced.cardSecret;
    const secret = newSecret();
    await tx
      .collection(CONFIG)
      .doc(SECRETS_ID)
      .set({ data: { cardSecret: secret } });
    return secret;
  });
}
