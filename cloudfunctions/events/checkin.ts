/**
 * Check-in and check-out at the event: with the leader's rotating token, or by the leader
 * scanning a volunteer's 电子志愿者证 / marking a managed resident present. The server's
 * clock is the record; every act by a leader records the leader.
 */
import {
  checkinLink,
  checkinPhrase,
  issueToken,
  parseToken,
  phraseMatches,
  readPhrase,
  stepAt,
  tokenExpiresAt,
  tokenFromScan,
  verifyToken,
  type Purpose,
} from '../../core/domain/checkin-token';
import { assertWithinWindow, isWithinWindow } from '../../core/domain/events';
import {
  readCardNumber,
  readVolunteerCard,
  volunteerCardCode,
  volunteerCardNumber,
} from '../../core/domain/volunteer-card';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { cardSecret, hmacSigner } from '../runtime/config';
import type { HandlerContext } from '../runtime/context';
import { findAll, inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { findUser } from '../runtime/users';
import { displayName } from '../../core/domain/users';
import { assertLeads } from './access';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  findParticipation,
  type EventDoc,
  type EventFields,
  type ParticipationDoc,
  type ParticipationFields,
} from './store';
import { toEventView, toParticipantView } from './views';

async function eventOrFail(ctx: HandlerContext, eventId: string): Promise<EventDoc> {
  const event = await findEvent(ctx.db, eventId);
  if (!event || event.status !== 'published') throw new AppError('NOT_FOUND');
  return event;
}

/**
 * Where the 签到码's link points. The deployment's own https address, whose prefix the
 * mini-program console maps to the 扫码签到 page (README: 扫普通链接二维码打开小程序); set the
 * function's environment variable CHECKIN_LINK_PREFIX to it.
 */
export const DEFAULT_CHECKIN_LINK_PREFIX = 'https://linlitong.example.cn/checkin';
const linkPrefix = () => process.env.CHECKIN_LINK_PREFIX || DEFAULT_CHECKIN_LINK_PREFIX;

export const checkinCode: Handler<'events', 'checkinCode'> = async (input, ctx) => {
  const event = await eventOrFail(ctx, input.eventId);
  assertLeads(event, ctx);
  const token = issueToken(hmacSigner, event.secret, event._id, input.purpose, ctx.now);
  return {
    token,
    payload: checkinLink(linkPrefix(), token),
    phrase: checkinPhrase(hmacSigner, event.secret, event._id, input.purpose, stepAt(ctx.now)),
    expiresAt: tokenExpiresAt(ctx.now),
    serverNow: ctx.now,
  };
};

/** How far around an event the caller's sign-ups are looked at for a 口令 (check-in margins are smaller). */
const PHRASE_SEARCH_MS = 24 * 60 * 60 * 1000;

/**
 * The event a typed 口令 is for: among the caller's own seats at events open for check-in now,
 * the one whose 口令 for `purpose` it is (this step or the one before). A person has a seat at
 * one or two such events at most, so this reads a few documents.
 */
async function eventOfPhrase(ctx: HandlerContext, phrase: string, purpose: Purpose): Promise<EventDoc> {
  const _ = ctx.db.command;
  const seats = await findAll<ParticipationFields>(
    ctx.db.collection(PARTICIPATIONS).where({
      userId: ctx.caller._id,
      status: 'confirmed',
      eventStartAt: _.lte(ctx.now + PHRASE_SEARCH_MS),
      eventEndAt: _.gte(ctx.now - PHRASE_SEARCH_MS),
    }),
    100,
  );
  const events = seats.length
    ? await findAll<EventFields>(
        ctx.db.collection(EVENTS).where({ _id: _.in(seats.map((p) => p.eventId)), status: 'published' }),
        100,
      )
    : [];
  const matching = events.filter(
    (e) => isWithinWindow(e, ctx.now) && phraseMatches(hmacSigner, e.secret, e._id, purpose, phrase, ctx.now),
  );
  if (matching.length === 1) return matching[0];
  if (matching.length > 1) throw new AppError('TOKEN_INVALID', '口令对应多个活动，请扫码签到');
  throw new AppError('TOKEN_INVALID', '口令不对或已过期，请核对负责人手机上的口令');
}

/**
 * Record one check-in or check-out on the participation, once. A leader's act is audited in the
 * same transaction (`how` says how they did it): hours and points follow from a check-in, so none
 * may exist without its record of who made it.
 */
function recordCheck(
  ctx: HandlerContext,
  event: EventDoc,
  userId: string,
  purpose: Purpose,
  actorId: string,
  now: EpochMs,
  how?: string,
): Promise<ParticipationDoc> {
  return inTransaction(ctx.db, async (tx) => {
    const p = await findParticipation(tx, event._id, userId);
    if (!p || p.status !== 'confirmed') throw new AppError('NOT_SIGNED_UP');
    if (p.closedAt) throw new AppError('HOURS_CONFIRMED');
    let changes: Partial<ParticipationDoc>;
    if (purpose === 'in') {
      if (p.checkInAt) throw new AppError('ALREADY_CHECKED_IN');
      changes = { checkInAt: now, checkInBy: actorId, updatedAt: now };
    } else {
      if (!p.checkInAt) throw new AppError('NOT_CHECKED_IN');
      if (p.checkOutAt) throw new AppError('ALREADY_CHECKED_OUT');
      changes = { checkOutAt: now, checkOutBy: actorId, updatedAt: now };
    }
    if (how) {
      await recordAudit(tx, {
        actorId,
        action: `event.leader_check_${purpose}`,
        targetId: p._id,
        onBehalfOf: userId,
        detail: how,
        at: now,
      });
    }
    await tx.collection(PARTICIPATIONS).doc(p._id).update({ data: changes });
    return { ...p, ...changes };
  });
}

/** The event a scanned code (its link, or the bare token) names, once its signature and step hold. */
async function eventOfToken(ctx: HandlerContext, scanned: string, purpose: Purpose, eventId?: string) {
  const token = parseToken(tokenFromScan(scanned) ?? '');
  const event = await findEvent(ctx.db, token.eventId);
  if (!event || event.status !== 'published') throw new AppError('TOKEN_INVALID');
  verifyToken(hmacSigner, event.secret, token, { purpose, now: ctx.now, eventId });
  return event;
}

function checkWithToken(purpose: Purpose): Handler<'events', 'checkIn'> {
  return async (input, ctx) => {
    const phrase = readPhrase(input.token);
    const event = phrase
      ? await eventOfPhrase(ctx, phrase, purpose)
      : await eventOfToken(ctx, input.token, purpose, input.eventId);
    if (input.eventId && event._id !== input.eventId) throw new AppError('TOKEN_WRONG_EVENT');
    assertWithinWindow(event, ctx.now);
    const participation = await recordCheck(ctx, event, ctx.caller._id, purpose, ctx.caller._id, ctx.now);
    return toEventView(event, ctx.now, ctx.caller, participation);
  };
}

export const checkIn = checkWithToken('in');
export const checkOut: Handler<'events', 'checkOut'> = checkWithToken('out');

/** Whose card a typed 证号 is, among the event's participants (a leader checks in their own event's). */
async function participantOfCardNumber(
  ctx: HandlerContext,
  event: EventDoc,
  number: string,
): Promise<string> {
  const [secret, participants] = await Promise.all([
    cardSecret(ctx.db),
    findAll<ParticipationFields>(
      ctx.db.collection(PARTICIPATIONS).where({ eventId: event._id, status: 'confirmed' }),
      event.capacity + 1,
    ),
  ]);
  const owners = participants.filter((p) => volunteerCardNumber(hmacSigner, secret, p.userId) === number);
  if (owners.length !== 1) throw new AppError('TOKEN_INVALID', '证号不对，或此人没有报名本活动');
  return owners[0].userId;
}

export const leaderCheck: Handler<'events', 'leaderCheck'> = async (input, ctx) => {
  const event = await eventOrFail(ctx, input.eventId);
  assertLeads(event, ctx);
  assertWithinWindow(event, ctx.now);
  let userId: string;
  const number = input.cardCode ? readCardNumber(input.cardCode) : null;
  if (number) {
    userId = await participantOfCardNumber(ctx, event, number);
  } else if (input.cardCode) {
    userId = readVolunteerCard(hmacSigner, await cardSecret(ctx.db), input.cardCode);
  } else {
    const resident = await findUser(ctx.db, input.userId ?? '');
    // Marking present without a code is for neighbours who have no phone to show one.
    if (!resident?.managed || resident.closedAt)
      throw new AppError('FORBIDDEN', '请扫描该志愿者的电子志愿者证');
    userId = resident._id;
  }
  const how = number ? '输入志愿者证号' : input.cardCode ? '扫描志愿者证' : '代为签到';
  const participation = await recordCheck(ctx, event, userId, input.purpose, ctx.caller._id, ctx.now, how);
  return toParticipantView(event, participation);
};

export const myVolunteerCard: Handler<'events', 'myVolunteerCard'> = async (_input, ctx) => {
  const secret = await cardSecret(ctx.db);
  return {
    name: displayName(ctx.caller),
    code: volunteerCardCode(hmacSigner, secret, ctx.caller._id),
    number: volunteerCardNumber(hmacSigner, secret, ctx.caller._id),
  };
};
