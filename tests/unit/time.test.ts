import fc from 'fast-check';
import {
  formatDateTime,
  formatDay,
  formatStamp,
  formatSpan,
  formatTime,
  fromWallClock,
  monthKey,
  monthLabel,
  startOfDay,
  startOfMonth,
  toWallClock,
} from '../../core/time';

// 2026-11-30 17:30 UTC is already 2026-12-01 01:30 in Shanghai.
const LATE_NOVEMBER_UTC = Date.UTC(2026, 10, 30, 17, 30);

test('calendar boundaries follow community time, not UTC', () => {
  expect(formatStamp(LATE_NOVEMBER_UTC)).toBe('2026-12-01 01:30');
  expect(monthKey(LATE_NOVEMBER_UTC)).toBe('2026-12');
  expect(monthLabel(LATE_NOVEMBER_UTC)).toBe('2026年12月');
  expect(startOfMonth(LATE_NOVEMBER_UTC)).toBe(Date.UTC(2026, 10, 30, 16, 0));
  expect(startOfDay(LATE_NOVEMBER_UTC)).toBe(Date.UTC(2026, 10, 30, 16, 0));
});

test('a picker shows and sets the community’s wall clock, whatever zone the phone is in', () => {
  expect(toWallClock(Date.UTC(2026, 10, 28, 1, 0))).toEqual({
    year: 2026,
    month: 11,
    day: 28,
    hour: 9,
    minute: 0,
  });
  expect(fromWallClock({ year: 2026, month: 1, day: 5, hour: 7, minute: 5 })).toBe(
    Date.UTC(2026, 0, 4, 23, 5),
  );
  expect(toWallClock(LATE_NOVEMBER_UTC)).toMatchObject({ month: 12, day: 1, hour: 1 });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) / 60_000 }), (minutes) => {
      const ms = minutes * 60_000;
      expect(fromWallClock(toWallClock(ms))).toBe(ms);
    }),
  );
});

test('one style family for people; the sortable stamp is for files', () => {
  const ms = Date.UTC(2026, 11, 3, 1, 0); // 2026-12-03 09:00 in Shanghai, a Thursday
  expect(formatDay(ms)).toBe('12月3日 周四');
  expect(formatDateTime(ms)).toBe('12月3日 周四 09:00');
  expect(formatTime(ms)).toBe('09:00');
  expect(formatSpan(ms, ms + 150 * 60_000)).toBe('12月3日 周四 09:00-11:30');
  expect(formatStamp(ms)).toBe('2026-12-03 09:00');
  // Every people style starts with the day as formatDay names it.
  for (const text of [formatDateTime(ms), formatSpan(ms, ms + 60_000)])
    expect(text.startsWith(formatDay(ms))).toBe(true);
});

test('an event’s span reads as residents say it', () => {
  expect(formatSpan(Date.UTC(2026, 10, 28, 1, 0), Date.UTC(2026, 10, 28, 4, 0))).toBe(
    '11月28日 周六 09:00-12:00',
  );
});

test('property: community time agrees with the IANA Asia/Shanghai zone for any time since 1992', () => {
  const shanghai = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      const parts = Object.fromEntries(shanghai.formatToParts(ms).map((p) => [p.type, p.value]));
      expect(formatStamp(ms)).toBe(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`);
    }),
  );
});
