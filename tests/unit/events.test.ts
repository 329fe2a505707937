import {
  assertWithinWindow,
  defaultMaxPoints,
  eventPhase,
  mayJoin,
  placeSignup,
  pointsFor,
  proposedMinutes,
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
