import {
  assertWithinWindow,
  defaultMaxPoints,
  eventPhase,
  mayCancelSignup,
  mayJoin,
  mayRunEvent,
  placeSignup,
  pointsFor,
  proposedMinutes,
  signupOutcome,
  totalsByYear,
} from '../../core/domain/events';
import { HOUR_MS, MINUTE_MS } from '../../core/time';

const start = Date.UTC(2026, 10, 28, 1, 0);
const end = start + 3 * HOUR_MS;
const event = { startAt: start, endAt: end };

test('who may join', () => {
  expect(mayJoin('everyone', ['resident'])).toBe(true);
  expect(mayJoin('volunteers', ['resident'])).toBe(false);
  expect(mayJoin('volunteers', ['resident', 'volunteer'])).toBe(true);
  expect(mayJoin('party_members', ['resident', 'volunteer'])).toBe(false);
});

test('a seat while there is one, then the waitlist; closed after the deadline or unless published', () => {
  const open = {
    status: 'published' as const,
    signupDeadline: start,
    capacity: 2,
    confirmedCount: 1,
    waitlist: [],
  };
  expect(placeSignup(open, start - 1)).toBe('confirmed');
  expect(placeSignup({ ...open, waitlist: ['u-waiting'] }, start - 1)).toBe('waitlisted');
  expect(placeSignup({ ...open, confirmedCount: 2 }, start - 1)).toBe('waitlisted');
  expect(() => placeSignup(open, start + 1)).toThrow(expect.objectContaining({ code: 'SIGNUP_CLOSED' }));
  expect(() => placeSignup({ ...open, status: 'draft' }, 0)).toThrow(
    expect.objectContaining({ code: 'EVENT_NOT_OPEN' }),
  );
});

test('signupOutcome says what a tap would give, in the order a resident cares about', () => {
  const open = {
    status: 'published' as const,
    audience: 'volunteers' as const,
    signupDeadline: start,
    capacity: 1,
    confirmedCount: 0,
    waitlist: [] as string[],
  };
  const volunteer = { roles: ['resident', 'volunteer'] as const, status: null };
  expect(signupOutcome(open, volunteer, start)).toBe('confirmed');
  expect(signupOutcome({ ...open, confirmedCount: 1 }, volunteer, start)).toBe('waitlisted');
  expect(signupOutcome(open, { ...volunteer, status: 'waitlisted' }, start)).toBe('joined');
  // A cancelled sign-up may sign up again.
  expect(signupOutcome(open, { ...volunteer, status: 'cancelled' }, start)).toBe('confirmed');
  expect(signupOutcome(open, { roles: ['resident'], status: null }, start)).toBe('not_eligible');
  expect(signupOutcome(open, volunteer, start + 1)).toBe('closed');
  expect(signupOutcome({ ...open, status: 'draft' }, volunteer, start)).toBe('not_open');
  // The seat part is placeSignup's own answer.
  expect(signupOutcome(open, volunteer, start)).toBe(placeSignup(open, start));
});

test('a sign-up may be given up until the deadline', () => {
  expect(mayCancelSignup({ signupDeadline: start }, start)).toBe(true);
  expect(mayCancelSignup({ signupDeadline: start }, start + 1)).toBe(false);
});

test('staff run every event, a volunteer only the ones they lead', () => {
  expect(mayRunEvent(['resident', 'staff'], [], 'u1')).toBe(true);
  expect(mayRunEvent(['resident', 'volunteer'], ['u1'], 'u1')).toBe(true);
  expect(mayRunEvent(['resident', 'volunteer'], ['u2'], 'u1')).toBe(false);
});

test('check-in window allows the margin either side', () => {
  const e = { ...event, checkinMarginMs: 30 * MINUTE_MS };
  expect(() => assertWithinWindow(e, start - 30 * MINUTE_MS)).not.toThrow();
  expect(() => assertWithinWindow(e, start - 31 * MINUTE_MS)).toThrow(
    expect.objectContaining({ code: 'OUTSIDE_WINDOW' }),
  );
  expect(() => assertWithinWindow(e, end + 31 * MINUTE_MS)).toThrow(
    expect.objectContaining({ code: 'OUTSIDE_WINDOW' }),
  );
});

test('proposed minutes: in to out, until the end without a check-out, capped at the length, zero when absent', () => {
  expect(proposedMinutes(event, start + 10 * MINUTE_MS, start + 70 * MINUTE_MS)).toBe(60);
  expect(proposedMinutes(event, start + HOUR_MS, null)).toBe(120);
  expect(proposedMinutes(event, start - HOUR_MS, end + HOUR_MS)).toBe(180);
  expect(proposedMinutes(event, null, null)).toBe(0);
});

test('1 point per hour by default, rounded down, capped at the event length', () => {
  const rule = { pointsPerHour: 1, maxPoints: defaultMaxPoints(start, end, 1) };
  expect(rule.maxPoints).toBe(3);
  expect(pointsFor(150, rule)).toBe(2);
  expect(pointsFor(180, rule)).toBe(3);
  expect(pointsFor(600, rule)).toBe(3);
  expect(pointsFor(90, { pointsPerHour: 2, maxPoints: 10 })).toBe(3);
});

test('phases', () => {
  expect(eventPhase({ status: 'published', ...event }, start - 1)).toBe('upcoming');
  expect(eventPhase({ status: 'published', ...event }, start)).toBe('ongoing');
  expect(eventPhase({ status: 'published', ...event }, end + 1)).toBe('ended');
  expect(eventPhase({ status: 'cancelled', ...event }, start)).toBe('cancelled');
});

test('totals per year', () => {
  const rows = [
    { startAt: Date.UTC(2025, 5, 1), minutes: 60, points: 1 },
    { startAt: Date.UTC(2026, 5, 1), minutes: 90, points: 1 },
    { startAt: Date.UTC(2026, 7, 1), minutes: 30, points: 0 },
  ];
  expect(totalsByYear(rows, (ms) => new Date(ms).getUTCFullYear())).toEqual([
    { year: 2026, minutes: 120, points: 1, count: 2 },
    { year: 2025, minutes: 60, points: 1, count: 1 },
  ]);
});
