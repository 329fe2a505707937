/**
 * Sign-up, cancel and the waitlist. Every change of seats reads and writes the event document
 * in the same transaction as the participations, so capacity is never exceeded and each freed
 * seat promotes exactly one waiting resident, in arrival order. Sign-ups go through a queue
 * decided in batches (signup-queue.ts), so a rush on one event does not serialise on it.
 */
import { pageUrl } from '../../core/routes';
import { assertMayCancel, mayJoin, placeSignup } from '../../core/domain/events';
import { AppError } from '../../core/errors';
import { formatDateTime, type EpochMs } from '../../core/time';
import { queueNotification } from '../runtime/notifications';
import type { Notification } from '../runtime/ports';
import type { HandlerContext } from '../runtime/context';
import { inTransaction, type Transaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { findPage, mapPage } from '../runtime/paging';
import { matchingAny } from '../runtime/keyword';
import { USERS, findUser, type UserDoc, type UserFields } from '../runtime/users';
import { displayName } from '../../core/domain/users';
import type { UserId } from '../../core/contract';
import { findLedEvent } from './access';
import { signUpThroughQueue } from './signup-queue';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  findParticipation,
  type EventDoc,
  type ParticipationDoc,
} from './store';
import { toEventView, toParticipantView } from './views';

/** Refuse at once what the queue would refuse anyway, so a hopeless tap costs one read. */
async function precheck(ctx: HandlerContext, event: EventDoc, user: UserDoc): Promise<void> {
  placeSignup(event, ctx.now); // published, and before the deadline
  if (!mayJoin(event.audience, user.roles)) throw new AppError('NOT_ELIGIBLE');
  const existing = await findParticipation(ctx.db, event._id, user._id);
  if (existing && existing.status !== 'cancelled') throw new AppError('ALREADY_SIGNED_UP');
}

export const signUp: Handler<'events', 'signUp'> = async (input, ctx) => {
  const found = await findEvent(ctx.db, input.eventId);
  if (!found || found.status === 'draft') throw new AppError('NOT_FOUND');
  await precheck(ctx, found, ctx.caller);
  const { event, participation } = await signUpThroughQueue(ctx, found, ctx.caller, ctx.caller);
  return toEventView(event, ctx.now, ctx.caller, participation);
};

export const signUpFor: Handler<'events', 'signUpFor'> = async (input, ctx) => {
  const found = await findLedEvent(ctx.db, input.eventId, ctx);
  const resident = await findUser(ctx.db, input.userId);
  // Acting for someone is for neighbours without a phone; everyone else signs up themselves.
  // A closed account is nobody to act for any more.
  if (!resident?.managed || resident.closedAt)
    throw new AppError('NOT_FOUND', '只能代为报名由社区登记的居民');
  await precheck(ctx, found, resident);
  const { event, participation } = await signUpThroughQueue(ctx, found, resident, ctx.caller);
  return toParticipantView(event, participation);
};

/**
 * Give up a seat or a waitlist place inside the caller's transaction (both read in it): the
 * first waiting take the freed seat. Used by cancelSignUp and by closing an account.
 */
export async function leaveEvent(
  tx: Transaction,
  event: EventDoc,
  participation: ParticipationDoc,
  now: EpochMs,
): Promise<{ event: EventDoc; participation: ParticipationDoc }> {
  const leaving = {
    ...event,
    waitlist: event.waitlist.filter((id) => id !== participation.userId),
    confirmedCount: event.confirmedCount - (participation.status === 'confirmed' ? 1 : 0),
  };
  const { waitlist, confirmedCount } = await fillSeats(tx, leaving, now);
  const eventChanges = { waitlist, confirmedCount, updatedAt: now };
  await tx.collection(EVENTS).doc(event._id).update({ data: eventChanges });
  await tx
    .collection(PARTICIPATIONS)
    .doc(participation._id)
    .update({ data: { status: 'cancelled', updatedAt: now } });
  return {
    event: { ...event, ...eventChanges },
    participation: { ...participation, status: 'cancelled' as const },
  };
}

export const cancelSignUp: Handler<'events', 'cancelSignUp'> = async (input, ctx) => {
  const { event, participation } = await inTransaction(ctx.db, async (tx) => {
    const event = await findEvent(tx, input.eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const participation = await findParticipation(tx, event._id, ctx.caller._id);
    if (!participation || participation.status === 'cancelled') throw new AppError('NOT_SIGNED_UP');
    assertMayCancel(event, ctx.now);
    return leaveEvent(tx, event, participation, ctx.now);
  });
  return toEventView(event, ctx.now, ctx.caller, participation);
};

/** Neighbours without a smartphone a leader may sign up: managed, not closed, by name or building. */
export const signUpCandidates: Handler<'events', 'signUpCandidates'> = async (input, ctx) => {
  await findLedEvent(ctx.db, input.eventId, ctx);
  const filters: object[] = [{ managed: true, closedAt: null }];
  if (input.keyword) filters.push(matchingAny(ctx.db, input.keyword, ['realName', 'building']));
  const page = await findPage<UserFields>(ctx.db, USERS, ctx.db.command.and(filters) as object, input);
  return mapPage(page, (user) => ({
    id: user._id as UserId,
    name: displayName(user),
    building: `${user.building}${user.unit}`,
  }));
};

/**
 * Move people from the head of the waitlist into free seats, in arrival order, inside the
 * caller's transaction. Used when someone leaves and when staff add seats.
 */
export async function fillSeats(
  tx: Transaction,
  event: EventDoc,
  now: EpochMs,
): Promise<{ waitlist: string[]; confirmedCount: number; promoted: ParticipationDoc[] }> {
  let waitlist = [...event.waitlist];
  let confirmedCount = event.confirmedCount;
  const promoted: ParticipationDoc[] = [];
  while (confirmedCount < event.capacity && waitlist.length > 0) {
    const [next, ...rest] = waitlist;
    waitlist = rest;
    const p = await findParticipation(tx, event._id, next);
    if (!p || p.status !== 'waitlisted') continue;
    const changes = { status: 'confirmed' as const, promotedAt: now, updatedAt: now };
    await tx.collection(PARTICIPATIONS).doc(p._id).update({ data: changes });
    await queueNotification(tx, promotionMessage(event, p), now);
    promoted.push({ ...p, ...changes });
    confirmedCount += 1;
  }
  return { waitlist, confirmedCount, promoted };
}

function promotionMessage(event: EventDoc, promoted: ParticipationDoc): Notification {
  return {
    userId: promoted.userId,
    template: 'waitlist_promoted',
    title: `候补成功：${event.title}`,
    body: `您已从候补转为正式报名，请于 ${formatDateTime(event.startAt)} 到 ${event.place} 参加。`,
    page: pageUrl('eventDetail', { id: event._id }),
    // One promotion per sign-up: a re-sign-up after cancelling gets a new participation update time.
    key: `waitlist_promoted_${promoted._id}_${promoted.createdAt}`,
  };
}
