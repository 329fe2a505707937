/**
 * Events: who may sign up, capacity and the waitlist, the check-in window, and how
 * service time becomes points. Pure: the handlers run these inside transactions.
 */
import { AppError } from '../errors';
import { MINUTE_MS, type EpochMs } from '../time';
import type { Role } from './roles';

export const EVENT_CATEGORIES = ['volunteer', 'community', 'project'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
export const EVENT_CATEGORY_LABELS: Record<EventCategory, string> = {
  volunteer: '志愿服务',
  community: '社区活动',
  project: '微实事项目',
};

export const AUDIENCES = ['everyone', 'volunteers', 'party_members'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  everyone: '所有居民',
  volunteers: '注册志愿者',
  party_members: '双报到党员',
};

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_PHASES = ['draft', 'cancelled', 'upcoming', 'ongoing', 'ended'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];
export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  draft: '草稿',
  cancelled: '已取消',
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
};

export const PARTICIPATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];
export const PARTICIPATION_STATUS_LABELS: Record<ParticipationStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
};

export function mayJoin(audience: Audience, roles: readonly Role[]): boolean {
  if (audience === 'volunteers') return roles.includes('volunteer');
  if (audience === 'party_members') return roles.includes('party_member');
  return true;
}

/** Staff run every event; a volunteer only the ones they lead. */
export function mayRunEvent(roles: readonly Role[], leaderIds: readonly string[], userId: string): boolean {
  return roles.includes('staff') || leaderIds.includes(userId);
}

export interface SignupState {
  status: EventStatus;
  signupDeadline: EpochMs;
  capacity: number;
  confirmedCount: number;
  waitlist: readonly string[];
}

/**
 * Where a new sign-up lands: a free seat, unless people are already waiting — then the end
 * of the waitlist, so nobody jumps the queue when seats appear.
 */
export function placeSignup(event: SignupState, now: EpochMs): 'confirmed' | 'waitlisted' {
  if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN');
  if (now > event.signupDeadline) throw new AppError('SIGNUP_CLOSED');
  return event.confirmedCount < event.capacity && event.waitlist.length === 0 ? 'confirmed' : 'waitlisted';
}

/** What a tap on 报名 would give this resident now, for the page to offer (or not). */
export const SIGNUP_OUTCOMES = [
  'confirmed',
  'waitlisted',
  'joined',
  'not_eligible',
  'not_open',
  'closed',
] as const;
export type SignupOutcome = (typeof SIGNUP_OUTCOMES)[number];

export function signupOutcome(
  event: SignupState & { audience: Audience },
  viewer: { roles: readonly Role[]; status: ParticipationStatus | null },
  now: EpochMs,
): SignupOutcome {
  if (viewer.status && viewer.status !== 'cancelled') return 'joined';
  if (event.status !== 'published') return 'not_open';
  if (now > event.signupDeadline) return 'closed';
  if (!mayJoin(event.audience, viewer.roles)) return 'not_eligible';
  return placeSignup(event, now);
}

/**
 * Once an event has ended its hours are confirmed and paid, reading the event's terms: from then
 * on it can no longer be cancelled, nor its times or points changed, so nobody is paid by terms
 * that change while the confirmations run (they read the event but do not write it).
 */
export function assertTermsOpen(event: { endAt: EpochMs }, now: EpochMs): void {
  if (now > event.endAt) throw new AppError('EVENT_NOT_OPEN', '活动已结束，不能取消或修改时间、积分规则');
}

/** Cancelling is allowed until the sign-up deadline. */
export function mayCancelSignup(event: Pick<SignupState, 'signupDeadline'>, now: EpochMs): boolean {
  return now <= event.signupDeadline;
}

export function assertMayCancel(event: Pick<SignupState, 'signupDeadline'>, now: EpochMs): void {
  if (!mayCancelSignup(event, now))
    throw new AppError('SIGNUP_CLOSED', '报名截止后不能自行取消，请联系活动负责人');
}

/** Default margin around the event in which check-in and check-out are accepted. */
export const DEFAULT_CHECKIN_MARGIN_MS = 30 * MINUTE_MS;

type CheckinWindow = { startAt: EpochMs; endAt: EpochMs; checkinMarginMs: number };

/** Whether check-in and check-out are accepted now: the event's time and its margin around it. */
export function isWithinWindow(event: CheckinWindow, now: EpochMs): boolean {
  return now >= event.startAt - event.checkinMarginMs && now <= event.endAt + event.checkinMarginMs;
}

export function assertWithinWindow(event: CheckinWindow, now: EpochMs): void {
  if (!isWithinWindow(event, now)) throw new AppError('OUTSIDE_WINDOW');
}

/**
 * Service minutes a participation earns, before anyone confirms it: the time between
 * check-in and check-out; without a check-out, until the scheduled end; never more than
 * the event's length; nothing without a check-in.
 */
export function proposedMinutes(
  event: { startAt: EpochMs; endAt: EpochMs },
  checkInAt: EpochMs | null,
  checkOutAt: EpochMs | null,
): number {
  if (checkInAt === null) return 0;
  const length = event.endAt - event.startAt;
  const from = Math.max(checkInAt, event.startAt);
  const until = checkOutAt ?? event.endAt;
  return Math.floor(Math.max(0, Math.min(until - from, length)) / MINUTE_MS);
}

export interface PointsRule {
  pointsPerHour: number;
  /** The most points one participation may earn; by default the event's length in hours. */
  maxPoints: number;
}

export function defaultMaxPoints(startAt: EpochMs, endAt: EpochMs, pointsPerHour: number): number {
  return Math.floor(((endAt - startAt) / (60 * MINUTE_MS)) * pointsPerHour);
}

/** Whole points for the minutes served (rounded down), capped by the rule. */
export function pointsFor(minutes: number, rule: PointsRule): number {
  return Math.min(rule.maxPoints, Math.floor((minutes * rule.pointsPerHour) / 60));
}

/** Display phase of an event at `now`. */
export function eventPhase(
  event: { status: EventStatus; startAt: EpochMs; endAt: EpochMs },
  now: EpochMs,
): EventPhase {
  if (event.status !== 'published') return event.status;
  if (now < event.startAt) return 'upcoming';
  return now <= event.endAt ? 'ongoing' : 'ended';
}

/** Hours as residents read them: `2.5 小时`. */
export function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} 小时`;
}

export interface ServiceRecordRow {
  startAt: EpochMs;
  minutes: number;
  points: number;
}

/** Service minutes in each of `months` (oldest first), by the day each service began. */
export function minutesByMonth(
  rows: readonly Pick<ServiceRecordRow, 'startAt' | 'minutes'>[],
  months: readonly { from: EpochMs; to: EpochMs }[],
): number[] {
  return months.map((m) =>
    rows.filter((r) => r.startAt >= m.from && r.startAt < m.to).reduce((sum, r) => sum + r.minutes, 0),
  );
}

export function totalsByYear(rows: ServiceRecordRow[], yearOf: (ms: EpochMs) => number) {
  const years = new Map<number, { year: number; minutes: number; points: number; count: number }>();
  for (const row of rows) {
    const year = yearOf(row.startAt);
    const total = years.get(year) ?? { year, minutes: 0, points: 0, count: 0 };
    total.minutes += row.minutes;
    total.points += row.points;
    total.count += 1;
    years.set(year, total);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}
