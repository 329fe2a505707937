/** The events and participations collections. */
import type { Audience, EventCategory, EventStatus, ParticipationStatus } from '../../core/domain/events';
import type { EpochMs } from '../../core/time';
import { findById, type Doc, type DocReader } from '../runtime/db';

export const EVENTS = 'events';
export const PARTICIPATIONS = 'participations';

export interface EventFields {
  title: string;
  description: string;
  coverUrl: string;
  category: EventCategory;
  place: string;
  startAt: EpochMs;
  endAt: EpochMs;
  signupDeadline: EpochMs;
  capacity: number;
  audience: Audience;
  pointsPerHour: number;
  maxPoints: number;
  checkinMarginMs: number;
  leaderIds: string[];
  leaderNames: string[];
  status: EventStatus;
  /** Seats taken. Kept on the event so capacity is checked in the sign-up transaction. */
  confirmedCount: number;
  /** Waiting user ids in arrival order; the first is promoted when a seat frees. */
  waitlist: string[];
  /** Signs this event's rotating check-in tokens. Never leaves the server. */
  secret: string;
  cancelReason: string;
  /** The 微实事 project it belongs to (absent on events saved before projects existed). */
  projectId?: string | null;
  /** Set when the event is cancelled, cleared once every sign-up is released (see release.ts). */
  releasingSignups: boolean;
  createdBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type EventDoc = Doc<EventFields>;

export interface ParticipationFields {
  eventId: string;
  userId: string;
  userName: string;
  managed: boolean;
  status: ParticipationStatus;
  /** Staff or leader who signed a managed resident up; null when they signed up themselves. */
  actedBy: string | null;
  actedByName: string;
  checkInAt: EpochMs | null;
  checkInBy: string | null;
  checkOutAt: EpochMs | null;
  checkOutBy: string | null;
  /** Set once hours are confirmed (by a leader, or by the auto-close job as `system`). */
  closedAt: EpochMs | null;
  closedBy: string | null;
  minutes: number | null;
  points: number | null;
  hoursReason: string;
  remindedAt: EpochMs | null;
  promotedAt: EpochMs | null;
  /** Copied from the event so jobs and the service record need one query, not a join. */
  eventTitle: string;
  eventStartAt: EpochMs;
  eventEndAt: EpochMs;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type ParticipationDoc = Doc<ParticipationFields>;

export const findEvent = (source: DocReader, id: string) => findById<EventFields>(source, EVENTS, id);

/** One participation per person per event: a re-sign-up reuses it. */
export function participationId(eventId: string, userId: string): string {
  return `${eventId}_${userId}`;
}

/** The event a participation id belongs to (ids are `<eventId>_<userId>`; event ids have no `_`). */
export function eventOfParticipation(participationId: string): string {
  return participationId.split('_')[0];
}

export const findParticipation = (source: DocReader, eventId: string, userId: string) =>
  findById<ParticipationFields>(source, PARTICIPATIONS, participationId(eventId, userId));
