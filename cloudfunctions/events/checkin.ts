/**
 * Check-in and check-out at the event: with the leader's rotating token, or by the leader
 * scanning a volunteer's 电子志愿者证 / marking a managed resident present. The server's
 * clock is the record; every act by a leader records the leader.
 */
import {
  checkinQrPayload,
  issueToken,
  parseToken,
  tokenExpiresAt,
  verifyToken,
  type Purpose,
} from '../../core/domain/checkin-token';
import { assertWithinWindow } from '../../core/domain/events';
import { readVolunteerCard, volunteerCardCode } from '../../core/domain/volunteer-card';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { cardSecret, hmacSigner } from '../runtime/config';
import type { HandlerContext } from '../runtime/context';
import { inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { findUser } from '../runtime/users';
import { displayName } from '../../core/domain/users';
import { assertLeads } from './access';
import { PARTICIPATIONS, findEvent, findParticipation, type EventDoc, type ParticipationDoc } from './store';
import { toEventView, toParticipantView } from './views';

async function eventOrFail(ctx: HandlerContext, eventId: string): Promise<EventDoc> {
  const event = await findEvent(ctx.db, eventId);
  if (!event || event.status !== 'published') throw new AppError('NOT_FOUND');
  return event;
}

export const checkinCode: Handler<'events', 'checkinCode'> = async (input, ctx) => {
  const event = await eventOrFail(ctx, input.eventId);
  assertLeads(event, ctx);
  const token = issueToken(hmacSigner, event.secret, event._id, input.purpose, ctx.now);
  return { token, payload: checkinQrPayload(token), expiresAt: tokenExpiresAt(ctx.now), serverNow: ctx.now };
};

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

function checkWithToken(purpose: Purpose): Handler<'events', 'checkIn'> {
  return async (input, ctx) => {
    const token = parseToken(input.token);
    const event = await findEvent(ctx.db, token.eventId);
    if (!event || event.status !== 'published') throw new AppError('TOKEN_INVALID');
    verifyToken(hmacSigner, event.secret, token, { purpose, now: ctx.now, eventId: input.eventId });
    assertWithinWindow(event, ctx.now);
    const participation = await recordCheck(ctx, event, ctx.caller._id, purpose, ctx.caller._id, ctx.now);
    return toEventView(event, ctx.now, ctx.caller, participation);
  };
}

export const checkIn = checkWithToken('in');
export const checkOut: Handler<'events', 'checkOut'> = checkWithToken('out');

export const leaderCheck: Handler<'events', 'leaderCheck'> = async (input, ctx) => {
  const event = await eventOrFail(ctx, input.eventId);
  assertLeads(event, ctx);
  assertWithinWindow(event, ctx.now);
  let userId: string;
  if (input.cardCode) {
    userId = readVolunteerCard(hmacSigner, await cardSecret(ctx.db), input.cardCode);
  } else {
    const resident = await findUser(ctx.db, input.userId ?? '');
    // Marking present without a code is for neighbours who have no phone to show one.
    if (!resident?.managed || resident.closedAt)
      throw new AppError('FORBIDDEN', '请扫描该志愿者的电子志愿者证');
    userId = resident._id;
  }
  const how = input.cardCode ? '扫描志愿者证' : '代为签到';
  const participation = await recordCheck(ctx, event, userId, input.purpose, ctx.caller._id, ctx.now, how);
  return toParticipantView(event, participation);
};

export const myVolunteerCard: Handler<'events', 'myVolunteerCard'> = async (_input, ctx) => ({
  name: displayName(ctx.caller),
  code: volunteerCardCode(hmacSigner, await cardSecret(ctx.db), ctx.caller._id),
});
