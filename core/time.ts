/**
 * The one place that knows the community's time zone. Everything else stores and passes
 * UTC milliseconds and asks this module to render or to find calendar boundaries.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const COMMUNITY_TZ = 'Asia/Shanghai';

export type EpochMs = number;

export function inCommunityTz(ms: EpochMs) {
  return dayjs(ms).tz(COMMUNITY_TZ);
}

/** `2026-11-23 20:05` in community time. */
export function formatDateTime(ms: EpochMs): string {
  return inCommunityTz(ms).format('YYYY-MM-DD HH:mm');
}

/** `11月23日 周一` in community time. */
export function formatDay(ms: EpochMs): string {
  return inCommunityTz(ms).format('M月D日 ddd');
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

/** Start of the community-time day containing `ms`, as UTC ms. */
export function startOfDay(ms: EpochMs): EpochMs {
  return inCommunityTz(ms).startOf('day').valueOf();
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
