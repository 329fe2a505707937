/**
 * 电子志愿者证: a volunteer's personal code, for when their phone cannot scan the event's
 * code — the leader scans theirs instead. Signed with a community secret so a code cannot be
 * made up for someone else. The card shows no code as text, only the QR and an eight-digit
 * 证号 (`volunteerCardNumber`, from the same secret) that a leader can type when their own
 * camera fails; the server looks the 证号 up among the event's participants.
 */
import { AppError } from '../errors';
import { digitsOf, type Signer } from './checkin-token';

export const CARD_NUMBER_DIGITS = 8;

const PREFIX = 'llt:vol:';

export function volunteerCardCode(sign: Signer, secret: string, userId: string): string {
  return `${PREFIX}${userId}.${sign(secret, `card.${userId}`)}`;
}

/** The user id a card code stands for; throws TOKEN_INVALID for anything forged or garbled. */
export function readVolunteerCard(sign: Signer, secret: string, code: string): string {
  const body = code.trim();
  if (!body.startsWith(PREFIX)) throw new AppError('TOKEN_INVALID', '这不是志愿者证二维码');
  const [userId, signature, ...rest] = body.slice(PREFIX.length).split('.');
  if (!userId || !signature || rest.length > 0 || sign(secret, `card.${userId}`) !== signature) {
    throw new AppError('TOKEN_INVALID', '志愿者证无效');
  }
  return userId;
}

/** The 证号 printed on a volunteer's card: eight digits, the same for as long as the secret. */
export function volunteerCardNumber(sign: Signer, secret: string, userId: string): string {
  return digitsOf(sign(secret, `card-number.${userId}`), CARD_NUMBER_DIGITS);
}

/** A typed 证号: eight digits, spaces allowed; null for anything else (a scanned code). */
export function readCardNumber(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

/** `1234 5678`: a 证号 as it is read out. */
export function formatCardNumber(number: string): string {
  return `${number.slice(0, 4)} ${number.slice(4)}`;
}
