/**
 * 电子志愿者证: a volunteer's personal code, for when their phone is not at hand to scan
 * the event's code — the leader scans theirs instead. Signed with a community secret so a
 * code cannot be made up for someone else.
 */
import { AppError } from '../errors';
import type { Signer } from './checkin-token';

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
