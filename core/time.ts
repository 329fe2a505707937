/**
 * The one place that knows the community's time zone. Everything else stores and passes
 * UTC milliseconds and asks this module to render or to find calendar boundaries.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/**
 * Asia/Shanghai has kept UTC+8 with no daylight saving since 1991, so a fixed offset is exact
 * for every time this app stores — and much cheaper than a time-zone database lookup, which
 * showed up in the redemption profile. A test checks it against the IANA zone.
 */
const COMMUNITY_OFFSET_MINUTES = 8 * 60;

export type EpochMs = number;

export function inCommunityTz(ms: EpochMs) {
  return dayjs(ms).utcOffset(COMMUNITY_OFFSET_MINUTES);
}

/*
 * How people read a time: one family, so a page never shows two styles side by side.
 *   formatDay       11月23日 周一               a day (a due date, a milestone)
 *   formatDateTime  11月23日 周一 20:05         a moment (a message, a check-in, a deadline)
 *   formatSpan      11月28日 周六 09:00-12:00   an event's time
 *   formatTime      20:05                       a moment on a day already named
 *   formatDate      2026年11月23日              a date on a certificate, with its year
 *   monthLabel      2026年11月                  a month heading
 * `formatStamp` (2026-11-23 20:05) is for files and spreadsheets, never for a page.
 */

/** `11月23日 周一 20:05` in community time: a moment, as residents read it. */
export function formatDateTime(ms: EpochMs): string {
  return inCommunityTz(ms).format('M月D日 ddd HH:mm');
}

/** `11月23日 周一` in community time: a day, as a message or a due date names it. */
export function formatDay(ms: EpochMs): string {
  return inCommunityTz(ms).format('M月D日 ddd');
}

/** `2026年11月23日` in community time: a certificate's dates carry their year. */
export function formatDate(ms: EpochMs): string {
  return inCommunityTz(ms).format('YYYY年M月D日');
}

/** `20:05` in community time, beside a day already named. */
export function formatTime(ms: EpochMs): string {
  return inCommunityTz(ms).format('HH:mm');
}

/** `2026-11-23 20:05` in community time: sortable, for CSV cells and file names only. */
export function formatStamp(ms: EpochMs): string {
  return inCommunityTz(ms).format('YYYY-MM-DD HH:mm');
}

/** The community-time calendar year of `ms`. */
export function communityYear(ms: EpochMs): number {
  return inCommunityTz(ms).year();
}

/** `2026年11月` — the key residents see when history is grouped by month. */
export function monthLabel(ms: EpochMs): string {
  return inCommunityTz(ms).format('YYYY年M月');
}

/** `2026-11` in community time, sortable. */
export function monthKey(ms: EpochMs): string {
  return inCommunityTz(ms).format('YYYY-MM');
}

/** Start of the community-time month containing `ms`, as UTC ms. */
export function startOfMonth(ms: EpochMs): EpochMs {
  return inCommunityTz(ms).startOf('month').valueOf();
}

/** One community-time calendar month: `2026-11`, `11月`, and its span [from, to). */
export interface MonthSpan {
  key: string;
  label: string;
  from: EpochMs;
  to: EpochMs;
}

function spanOf(start: dayjs.Dayjs): MonthSpan {
  return {
    key: start.format('YYYY-MM'),
    label: start.format('M月'),
    from: start.valueOf(),
    to: start.add(1, 'month').valueOf(),
  };
}

/** The `count` months ending with the one containing `now`, oldest first (a chart's axis). */
export function recentMonths(now: EpochMs, count: number): MonthSpan[] {
  const current = inCommunityTz(now).startOf('month');
  return Array.from({ length: count }, (_, i) => spanOf(current.subtract(count - 1 - i, 'month')));
}

/** The month a key such as `2026-11` names, or null when it names none. */
export function monthOfKey(key: string): MonthSpan | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const from = fromWallClock({ year: Number(match[1]), month, day: 1, hour: 0, minute: 0 });
  return spanOf(inCommunityTz(from));
}

/** `2026年11月` when [from, to) is one calendar month, else `2026-11-01至2026-11-30`. */
export function formatPeriod(from: EpochMs, to: EpochMs): string {
  const month = monthOfKey(monthKey(from));
  if (month && month.from === from && month.to === to) return monthLabel(from);
  const day = (ms: EpochMs) => inCommunityTz(ms).format('YYYY-MM-DD');
  return `${day(from)}至${day(to - 1)}`;
}

/** Start of the community-time day containing `ms`, as UTC ms. */
export function startOfDay(ms: EpochMs): EpochMs {
  return inCommunityTz(ms).startOf('day').valueOf();
}

/** A time as the community's clocks show it (what a date-time picker displays). */
export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function toWallClock(ms: EpochMs): WallClock {
  const t = inCommunityTz(ms);
  return { year: t.year(), month: t.month() + 1, day: t.date(), hour: t.hour(), minute: t.minute() };
}

export function fromWallClock({ year, month, day, hour, minute }: WallClock): EpochMs {
  return Date.UTC(year, month - 1, day, hour, minute) - COMMUNITY_OFFSET_MINUTES * MINUTE_MS;
}

/** `11月28日 周六 09:00-12:00`: an event's time as residents read it. */
export function formatSpan(startMs: EpochMs, endMs: EpochMs): string {
  const start = inCommunityTz(startMs);
  const end = inCommunityTz(endMs);
  const sameDay = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD');
  return `${start.format('M月D日 ddd HH:mm')}-${end.format(sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
