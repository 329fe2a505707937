/**
 * The rotating 签到码. The leader's screen shows a QR whose token names the event, the
 * purpose (in or out) and a 30-second time step, signed with the event's secret. The
 * server accepts the current and the previous step only, so a photo of the code is
 * useless a minute later. Signing is injected so this module stays pure.
 *
 * The QR holds a link, not the bare token (`checkinLink`): WeChat's own 扫一扫 opens a
 * 普通链接二维码 straight in the mini-program's 扫码签到 page (the console maps the link's
 * prefix to that page) and hands the page the link as `q`. Beside the QR the leader's screen
 * shows no token, only a six-digit 口令 of the same step (`checkinPhrase`), for a phone whose
 * camera fails: the volunteer types it, and the server finds their event by it.
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

/** The link the QR holds: `<prefix>?t=<token>` (the prefix is the deployment's, see README). */
export function checkinLink(prefix: string, token: string): string {
  return `${prefix}${prefix.includes('?') ? '&' : '?'}t=${encodeURIComponent(token)}`;
}

/**
 * The token in what was scanned or handed to the page: a link (as WeChat passes it in `q`,
 * percent-encoded once, or already decoded), or a bare token (`llt:checkin:` or not). Null for
 * anything without one.
 */
export function tokenFromScan(scanned: string): string | null {
  let text = scanned.trim();
  if (/^https?%3A/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  if (/^https?:\/\//i.test(text)) {
    const query = text.split('#')[0].split('?')[1] ?? '';
    const param = query.split('&').find((part) => part.startsWith('t='));
    if (!param) return null;
    try {
      return decodeURIComponent(param.slice(2));
    } catch {
      return null;
    }
  }
  return text || null;
}

export const PHRASE_DIGITS = 6;

/** Six digits from a signature (base64url): its first 36 bits, modulo a million. */
export function digitsOf(signature: string, count: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let value = 0;
  for (const ch of signature.slice(0, 6)) value = value * 64 + Math.max(0, alphabet.indexOf(ch));
  return String(value % 10 ** count).padStart(count, '0');
}

/** The 口令 the leader's screen shows beside the QR of this step: six digits, same lifetime. */
export function checkinPhrase(
  sign: Signer,
  secret: string,
  eventId: string,
  purpose: Purpose,
  step: number,
): string {
  return digitsOf(sign(secret, `${message(eventId, purpose, step)}.phrase`), PHRASE_DIGITS);
}

/** A typed 口令: six digits, spaces allowed (`482 719`); null for anything else. */
export function readPhrase(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return new RegExp(`^\\d{${PHRASE_DIGITS}}$`).test(digits) ? digits : null;
}

/** Whether `phrase` is this event's 口令 for `purpose` at `now` (this step or the one before). */
export function phraseMatches(
  sign: Signer,
  secret: string,
  eventId: string,
  purpose: Purpose,
  phrase: string,
  now: EpochMs,
): boolean {
  const current = stepAt(now);
  return [current, current - 1].some((step) =>
    sameSignature(checkinPhrase(sign, secret, eventId, purpose, step), phrase),
  );
}

/** `482 719`: a 口令 as it is read out. */
export function formatPhrase(phrase: string): string {
  return `${phrase.slice(0, 3)} ${phrase.slice(3)}`;
}
