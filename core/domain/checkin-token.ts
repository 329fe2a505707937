/**
 * The rotating 签到码. The leader's screen shows a QR whose token names the event, the
 * purpose (in or out) and a 30-second time step, signed with the event's secret. The
 * server accepts the current and the previous step only, so a photo of the code is
 * useless a minute later. Signing is injected so this module stays pure.
 */
import { AppError } from '../errors';
import type { EpochMs } from '../time';

export const STEP_MS = 30_000;
export type Purpose = 'in' | 'out';
export type Signer = (secret: string, message: string) => string;

export function stepAt(now: EpochMs): number {
  return Math.floor(now / STEP_MS);
}

function message(eventId: string, purpose: Purpose, step: number): string {
  return `${eventId}.${purpose}.${step}`;
}

export function issueToken(
  sign: Signer,
  secret: string,
  eventId: string,
  purpose: Purpose,
  now: EpochMs,
): string {
  const step = stepAt(now);
  return `${message(eventId, purpose, step)}.${sign(secret, message(eventId, purpose, step))}`;
}

/** When the token shown at `now` stops being accepted. */
export function tokenExpiresAt(now: EpochMs): EpochMs {
  return (stepAt(now) + 2) * STEP_MS;
}

export interface ParsedToken {
  eventId: string;
  purpose: Purpose;
  step: number;
  signature: string;
}

export function parseToken(raw: string): ParsedToken {
  const token = raw.trim().replace(/^llt:checkin:/, '');
  const parts = token.split('.');
  if (parts.length !== 4) throw new AppError('TOKEN_INVALID');
  const [eventId, purpose, step, signature] = parts;
  if (!eventId || (purpose !== 'in' && purpose !== 'out') || !/^\d+$/.test(step) || !signature) {
    throw new AppError('TOKEN_INVALID');
  }
  return { eventId, purpose, step: Number(step), signature };
}

/** Constant-time comparison, so a forger learns nothing from timing. */
function sameSignature(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface Expectation {
  purpose: Purpose;
  now: EpochMs;
  /** The event the volunteer is checking into, when they scanned from its page. */
  eventId?: string;
}

/** Checks a parsed token against the event's secret; throws the reason it is refused. */
export function verifyToken(sign: Signer, secret: string, token: ParsedToken, expect: Expectation): void {
  if (!sameSignature(sign(secret, message(token.eventId, token.purpose, token.step)), token.signature)) {
    throw new AppError('TOKEN_INVALID');
  }
  if (expect.eventId && expect.eventId !== token.eventId) throw new AppError('TOKEN_WRONG_EVENT');
  if (token.purpose !== expect.purpose) throw new AppError('TOKEN_WRONG_PURPOSE');
  const current = stepAt(expect.now);
  if (token.step !== current && token.step !== current - 1) throw new AppError('TOKEN_EXPIRED');
}

export function checkinQrPayload(token: string): string {
  return `llt:checkin:${token}`;
}
