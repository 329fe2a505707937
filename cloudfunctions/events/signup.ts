/**
 * Sign-up, cancel and the waitlist. Every change reads and writes the event document in the
 * same transaction as the participation, so capacity is never exceeded and each freed seat
 * promotes exactly one waiting resident, in arrival order.
 */
import { pageUrl } from '../../core/routes';
import { assertMayCancel, mayJoin, placeSignup } from '../../core/domain/events';
import { AppError } from '../../core/errors';
import { formatDateTime, type EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import type { HandlerContext } from '../runtime/context';
import { inTransaction, withoutId, type Transaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { findUser, type UserDoc } from '../runtime/users';
import { displayName } from '../../core/domain/users';
import { findLedEvent } from './access';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  findParticipation,
  participationId,
  type EventDoc,
  type ParticipationDoc,
} from './store';
import { toEventView, toParticipantView } from './views';

interface Enrolment {
  event: EventDoc;
  participation: ParticipationDoc;
}

/** Enrol `user` in `event` (read in `tx`); `actor` is who tapped (themself, or staff/leader). */
async function enrol(
  tx: Transaction,
  event: EventDoc,
  user: UserDoc,
  actor: UserDoc,
  now: EpochMs,
): Promise<Enrolment> {
  if (!mayJoin(event.audience, user.roles)) throw new AppError('NOT_ELIGIBLE');
  const existing = await findParticipation(tx, event._id, user._id);
  if (existing && existing.status !== 'cancelled') throw new AppError('ALREADY_SIGNED_UP');

  const status = placeSignup(event, now);
  const eventChanges =
    status === 'confirmed'
      ? { confirmedCount: event.confirmedCount + 1, updatedAt: now }
      : { waitlist: [...event.waitlist, user._id], updatedAt: now };
  const participation: ParticipationDoc = {
    _id: participationId(event._id, user._id),
    eventId: event._id,
    userId: user._id,
    userName: displayName(user),
    managed: user.managed,
    status,
    actedBy: actor._id === user._id ? null : actor._id,
    actedByName: actor._id === user._id ? '' : displayName(actor),
    checkInAt: null,
    checkInBy: null,
    checkOutAt: null,
    checkOutBy: null,
    closedAt: null,
    closedBy: null,
    minutes: null,
    points: null,
    hoursReason: '',
    remindedAt: null,
    promotedAt: null,
    eventTitle: event.title,
    eventStartAt: event.startAt,
    eventEndAt: event.endAt,
    createdAt: now,
    updatedAt: now,
  };
  await tx.collection(EVENTS).doc(event._id).update({ data: eventChanges });
  await tx
    .collection(PARTICIPATIONS)
    .doc(participation._id)
    .set({ data: withoutId(participation) });
  return { event: { ...event, ...eventChanges }, participation };
}

export const signUp: Handler<'events', 'signUp'> = async (input, ctx) => {
  const { event, participation } = await inTransaction(ctx.db, async (tx) => {
    const event = await findEvent(tx, input.eventId);
    if (!event) throw new AppError('NOT_FOUND');
    return enrol(tx, event, ctx.caller, ctx.caller, ctx.now);
  });
  return toEventView(event, ctx.now, ctx.caller, participation);
};

export const signUpFor: Handler<'events', 'signUpFor'> = async (input, ctx) => {
  const { event, participation } = await inTransaction(ctx.db, async (tx) => {
    const event = await findLedEvent(tx, input.eventId, ctx);
    const resident = await findUser(tx, input.userId);
    // Acting for someone is for neighbours without a phone; everyone else signs up themselves.
    if (!resident?.managed) throw new AppError('NOT_FOUND', '只能代为报名由社区登记的居民');
    const enrolment = await enrol(tx, event, resident, ctx.caller, ctx.now);
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'event.sign_up_for',
      targetId: event._id,
      onBehalfOf: resident._id,
      detail: enrolment.participation.status,
      at: ctx.now,
    });
    return enrolment;
  });
  return toParticipantView(event, participation);
};

export const cancelSignUp: Handler<'events', 'cancelSignUp'> = async (input, ctx) => {
  const { event, participation, promoted } = await inTransaction(ctx.db, async (tx) => {
    const event = await findEvent(tx, input.eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const participation = await findParticipation(tx, event._id, ctx.caller._id);
    if (!participation || participation.status === 'cancelled') throw new AppError('NOT_SIGNED_UP');
    assertMayCancel(event, ctx.now);

    const leaving = {
      ...event,
      waitlist: event.waitlist.filter((id) => id !== ctx.caller._id),
      confirmedCount: event.confirmedCount - (participation.status === 'confirmed' ? 1 : 0),
    };
    const { waitlist, confirmedCount, promoted } = await fillSeats(tx, leaving, ctx.now);
    const eventChanges = { waitlist, confirmedCount, updatedAt: ctx.now };
    await tx.collection(EVENTS).doc(event._id).update({ data: eventChanges });
    await tx
      .collection(PARTICIPATIONS)
      .doc(participation._id)
      .update({
        data: { status: 'cancelled', updatedAt: ctx.now },
      });
    return {
      event: { ...event, ...eventChanges },
      participation: { ...participation, status: 'cancelled' as const },
      promoted,
    };
  });
  await notifyPromoted(ctx, event, promoted);
  return toEventView(event, ctx.now, ctx.caller, participation);
};

/**
 * Move people from the head of the waitlist into free seats, in arrival order, inside the
 * caller's transaction. Used when someone leaves and when staff add seats.
 */
export async function fillSeats(
  tx: Transaction,
  event: Pick<EventDoc, '_id' | 'capacity' | 'confirmedCount' | 'waitlist'>,
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
    promoted.push({ ...p, ...changes });
    confirmedCount += 1;
  }
  return { waitlist, confirmedCount, promoted };
}

export async function notifyPromoted(ctx: HandlerContext, event: EventDoc, promoted: ParticipationDoc[]) {
  for (const p of promoted) await notifyOne(ctx, event, p);
}

function notifyOne(ctx: HandlerContext, event: EventDoc, promoted: ParticipationDoc) {
  return ctx.notifier.notify({
    userId: promoted.userId,
    template: 'waitlist_promoted',
    title: `候补成功：${event.title}`,
    body: `您已从候补转为正式报名，请于 ${formatDateTime(event.startAt)} 到 ${event.place} 参加。`,
    page: pageUrl('eventDetail', { id: event._id }),
  });
}
