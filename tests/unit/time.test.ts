import { formatDateTime, monthKey, monthLabel, startOfDay, startOfMonth } from '../../core/time';

// 2026-11-30 17:30 UTC is already 2026-12-01 01:30 in Shanghai.
const LATE_NOVEMBER_UTC = Date.UTC(2026, 10, 30, 17, 30);

test('calendar boundaries follow community time, not UTC', () => {
  expect(formatDateTime(LATE_NOVEMBER_UTC)).toBe('2026-12-01 01:30');
  expect(monthKey(LATE_NOVEMBER_UTC)).toBe('2026-12');
  expect(monthLabel(LATE_NOVEMBER_UTC)).toBe('2026年12月');
  expect(startOfMonth(LATE_NOVEMBER_UTC)).toBe(Date.UTC(2026, 10, 30, 16, 0));
  expect(startOfDay(LATE_NOVEMBER_UTC)).toBe(Date.UTC(2026, 10, 30, 16, 0));
});
