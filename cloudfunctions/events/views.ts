import {
  eventsContract,
  type EventView,
  type MyParticipation,
  type ParticipantView,
} from '../../core/contract';
import {
  eventPhase,
  mayCancelSignup,
  mayRunEvent,
  proposedMinutes,
  signupOutcome,
} from '../../core/domain/events';
import { mayCall, type Role } from '../../core/domain/roles';
import { ORGANISER_NAME } from '../../core/domain/community';
import { MINUTE_MS, type EpochMs } from '../../core/time';
import type { EventDoc, ParticipationDoc } from './store';

function waitlistPosition(event: EventDoc, userId: string): number | null {
  const index = event.waitlist.indexOf(userId);
  return index < 0 ? null : index + 1;
}

function toMine(event: EventDoc, p: ParticipationDoc): MyParticipation {
  return {
    status: p.status,
    waitlistPosition: p.status === 'waitlisted' ? waitlistPosition(event, p.userId) : null,
    checkInAt: p.checkInAt,
    checkOutAt: p.checkOutAt,
    minutes: p.minutes,
    points: p.points,
  };
}

/** Who is looking: the flags in the view are theirs. */
export interface Viewer {
  _id: string;
  roles: readonly Role[];
}

export function toEventView(
  event: EventDoc,
  now: EpochMs,
  viewer: Viewer,
  mine: ParticipationDoc | null,
): EventView {
  const joined = Boolean(mine && mine.status !== 'cancelled');
  const mayRun = mayRunEvent(viewer.roles, event.leaderIds, viewer._id);
  return {
    id: event._id as EventView['id'],
    title: event.title,
    description: event.description,
    coverUrl: event.coverUrl,
    category: event.category,
    place: event.place,
    startAt: event.startAt,
    endAt: event.endAt,
    signupDeadline: event.signupDeadline,
    capacity: event.capacity,
    audience: event.audience,
    pointsPerHour: event.pointsPerHour,
    maxPoints: event.maxPoints,
    checkinMarginMinutes: Math.round(event.checkinMarginMs / MINUTE_MS),
    status: event.status,
    phase: eventPhase(event, now),
    confirmedCount: event.confirmedCount,
    waitlistCount: event.waitlist.length,
    leaderIds: event.leaderIds,
    leaderNames: event.leaderNames,
    organiser: ORGANISER_NAME,
    cancelReason: event.cancelReason,
    projectId: event.projectId ?? null,
    isLeader: event.leaderIds.includes(viewer._id),
    mayRun,
    mayEdit: viewer.roles.includes('staff') && event.status !== 'cancelled',
    // What signUpFor accepts: its roles, someone who runs the event, while sign-up is open.
    maySignUpFor:
      mayRun &&
      mayCall(viewer.roles, eventsContract.signUpFor.roles) &&
      event.status === 'published' &&
      now <= event.signupDeadline,
    signup: signupOutcome(event, { roles: viewer.roles, status: mine?.status ?? null }, now),
    mayCancel: joined && event.status === 'published' && mayCancelSignup(event, now),
    mine: mine ? toMine(event, mine) : null,
  };
}

export function toParticipantView(event: EventDoc, p: ParticipationDoc): ParticipantView {
  return {
    userId: p.userId as ParticipantView['userId'],
    name: p.userName,
    managed: p.managed,
    status: p.status,
    waitlistPosition: p.status === 'waitlisted' ? waitlistPosition(event, p.userId) : null,
    checkInAt: p.checkInAt,
    checkOutAt: p.checkOutAt,
    proposedMinutes: proposedMinutes(event, p.checkInAt, p.checkOutAt),
    confirmedMinutes: p.minutes,
    points: p.points,
    actedBy: p.actedByName,
    hoursReason: p.hoursReason,
  };
}
