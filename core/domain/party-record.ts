/**
 * The 双报到 service record: what a reported party member did in the community in a year — the
 * wishes they fulfilled and the events they served, with hours — for the yearly 评议 and for
 * their workplace party organisation. It is built from the closed claims and participations
 * themselves, never from points: spending points cannot shrink it.
 */
import { fromWallClock, type EpochMs } from '../time';

export type RecordItemKind = 'wish' | 'event';
export const RECORD_ITEM_LABELS: Record<RecordItemKind, string> = { wish: '微心愿', event: '志愿活动' };

export interface RecordItem {
  kind: RecordItemKind;
  title: string;
  at: EpochMs;
  /** Service minutes: an event's confirmed hours; a wish records none. */
  minutes: number;
}

export interface RecordTotals {
  wishes: number;
  events: number;
  minutes: number;
}

/** The community-time calendar year: [from, to). */
export function yearSpan(year: number): { from: EpochMs; to: EpochMs } {
  const start = (y: number) => fromWallClock({ year: y, month: 1, day: 1, hour: 0, minute: 0 });
  return { from: start(year), to: start(year + 1) };
}

export function recordTotals(items: readonly RecordItem[]): RecordTotals {
  return items.reduce<RecordTotals>(
    (totals, item) => ({
      wishes: totals.wishes + (item.kind === 'wish' ? 1 : 0),
      events: totals.events + (item.kind === 'event' ? 1 : 0),
      minutes: totals.minutes + item.minutes,
    }),
    { wishes: 0, events: 0, minutes: 0 },
  );
}

/** Newest first; ties by kind then title so the order is stable across exports. */
export function sortRecordItems<T extends RecordItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => b.at - a.at || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title),
  );
}
