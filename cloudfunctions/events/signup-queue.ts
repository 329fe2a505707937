/**
 * Sign-ups through a queue decided in batches (runtime/combining.ts): every sign-up changes its
 * event's seat count or waitlist, so a rush on a popular event would otherwise serialise on the
 * event document. The drain seats or waitlists each request in arrival order with the same rule
 * as before (placeSignup), writes the participations and the event once.
 */
import { mayJoin, placeSignup } from '../../core/domain/events';
import type { Role } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import {
  assertDecidedFor,
  maintenanceJob,
  refusal,
  submit,
  type Combiner,
  type Decision,
  type QueuedFields,
} from '../runtime/combining';
import type { HandlerContext } from '../runtime/context';
import { findById, withoutId, type Doc, type Transaction } from '../runtime/db';
import type { UserDoc } from '../runtime/users';
import { displayName } from '../../core/domain/users';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  participationId,
  type EventDoc,
  type ParticipationDoc,
  type ParticipationFields,
} from './store';

export const SIGNUP_QUEUE = 'signup_queue';
const SEATED = ['confirmed', 'waitlisted'] as const;

/** A sign-up waiting for its seat; `target` is the event. */
export interface SignupRequestFields extends QueuedFields {
  userId: string;
  /** What the decision needs of the resident, as they were when they asked. */
  userName: string;
  managed: boolean;
  roles: Role[];
  /** Who tapped: the resident, or staff/a leader acting for a managed resident. */
  actorId: string;
  actorName: string;
}
type SignupRequest = Doc<SignupRequestFields>;

function newParticipation(
  request: SignupRequest,
  status: 'confirmed' | 'waitlisted',
  event: EventDoc,
  now: EpochMs,
): ParticipationDoc {
  const onBehalf = request.actorId !== request.userId;
  return {
    _id: participationId(event._id, request.userId),
    eventId: event._id,
    userId: request.userId,
    userName: request.userName,
    managed: request.managed,
    status,
    actedBy: onBehalf ? request.actorId : null,
    actedByName: onBehalf ? request.actorName : '',
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
    createdAt: request.requestedAt,
    updatedAt: now,
  };
}

/** Where one request lands, given the seats and waitlist so far in this batch. */
function place(event: EventDoc, request: SignupRequest, existing: ParticipationDoc | null): Decision {
  if (existing && existing.status !== 'cancelled') return { outcome: 'ALREADY_SIGNED_UP' };
  if (!mayJoin(event.audience, request.roles)) return { outcome: 'NOT_ELIGIBLE' };
  try {
    return { outcome: placeSignup(event, request.requestedAt) };
  } catch (error) {
    return refusal(error);
  }
}

const signups: Combiner<SignupRequestFields> = {
  queue: SIGNUP_QUEUE,
  collection: EVENTS,
  batch: 100,
  async decide(tx: Transaction, eventId, requests, now) {
    const [event, existing] = await Promise.all([
      findEvent(tx, eventId),
      Promise.all(requests.map((r) => findById<ParticipationFields>(tx, PARTICIPATIONS, r._id))),
    ]);
    const decisions = new Map<string, Decision>();
    if (!event) {
      for (const r of requests) decisions.set(r._id, { outcome: 'NOT_FOUND' });
      return decisions;
    }
    let state = event;
    const writes: Promise<unknown>[] = [];
    requests.forEach((request, i) => {
      const decision = place(state, request, existing[i]);
      decisions.set(request._id, decision);
      const outcome = decision.outcome;
      if (outcome !== 'confirmed' && outcome !== 'waitlisted') return;
      const participation = newParticipation(request, outcome, state, now);
      state =
        outcome === 'confirmed'
          ? { ...state, confirmedCount: state.confirmedCount + 1 }
          : { ...state, waitlist: [...state.waitlist, request.userId] };
      writes.push(
        tx
          .collection(PARTICIPATIONS)
          .doc(participation._id)
          .set({ data: withoutId(participation) }),
      );
      if (request.actorId !== request.userId) {
        writes.push(
          recordAudit(tx, {
            actorId: request.actorId,
            action: 'event.sign_up_for',
            targetId: eventId,
            onBehalfOf: request.userId,
            detail: outcome,
            at: now,
          }),
        );
      }
    });
    await Promise.all(writes);
    await tx
      .collection(EVENTS)
      .doc(eventId)
      .update({ data: { confirmedCount: state.confirmedCount, waitlist: state.waitlist, updatedAt: now } });
    return decisions;
  },
};

/**
 * Sign `user` up for `event` and wait for the answer: the participation when seated or
 * waitlisted, an AppError with the reason otherwise. `actor` is who tapped.
 */
export async function signUpThroughQueue(
  ctx: HandlerContext,
  event: EventDoc,
  user: UserDoc,
  actor: UserDoc,
): Promise<{ event: EventDoc; participation: ParticipationDoc }> {
  const id = participationId(event._id, user._id);
  const request: SignupRequestFields = {
    target: event._id,
    userId: user._id,
    userName: displayName(user),
    managed: user.managed,
    roles: user.roles,
    actorId: actor._id,
    actorName: displayName(actor),
    requestedAt: ctx.now,
    status: 'waiting',
    outcome: null,
    message: null,
    decidedAt: null,
  };
  assertDecidedFor(await submit(ctx.db, signups, id, request, ctx.now), SEATED);
  const [latest, participation] = await Promise.all([
    findEvent(ctx.db, event._id),
    findById<ParticipationFields>(ctx.db, PARTICIPATIONS, id),
  ]);
  if (!latest || !participation) throw new AppError('NOT_FOUND');
  return { event: latest, participation };
}

export const signupQueueJob = maintenanceJob('maintainSignupQueue', signups);
