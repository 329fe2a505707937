/**
 * The points ledger's rules. Points are money-like: an account's balance is the sum of its
 * entries and never negative; entries are never changed, a correction is a new entry.
 */
import { AppError } from '../errors';
import { monthKey, monthLabel, type EpochMs } from '../time';

export const ENTRY_KINDS = ['service', 'wish', 'redeem', 'refund', 'adjust', 'expire', 'opening'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  service: '志愿服务',
  wish: '微心愿',
  redeem: '兑换',
  refund: '退回',
  adjust: '工作人员调整',
  expire: '积分过期',
  opening: '历史积分补录',
};

/** What an entry pays or is paid for, as residents can open it. */
export const ENTRY_SOURCE_TYPES = ['order', 'event', 'wish', 'manual'] as const;
export type EntrySourceType = (typeof ENTRY_SOURCE_TYPES)[number];

export interface AccountTotals {
  balance: number;
  /** Everything credited in the app, refunds excluded (a refund undoes spending, it is not income). */
  earned: number;
  /** Net spending: debits less refunds. */
  spent: number;
  /**
   * Points carried over from the paper ledger when the community moved into the app. Part of the
   * balance, but not earned here: rankings, which read `earned`, leave it out.
   * balance = opening + earned − spent.
   */
  opening: number;
}

export const EMPTY_TOTALS: AccountTotals = { balance: 0, earned: 0, spent: 0, opening: 0 };

/** An opening balance carries points over from the paper ledger: it can only add. */
export function assertOpeningAmount(amount: number): void {
  if (amount <= 0) throw new AppError('INVALID_INPUT', '历史积分补录只能是正数');
}

/** The account after one more entry; refuses to go below zero. */
export function applyEntry(totals: AccountTotals, amount: number, kind: EntryKind): AccountTotals {
  if (!Number.isInteger(amount) || amount === 0) throw new AppError('INVALID_INPUT', '积分必须是非零整数');
  const balance = totals.balance + amount;
  if (balance < 0) throw new AppError('POINTS_INSUFFICIENT');
  // Accounts kept before opening balances had their own kind have none.
  const { earned, spent } = totals;
  const opening = totals.opening ?? 0;
  if (kind === 'opening') {
    assertOpeningAmount(amount);
    return { balance, earned, spent, opening: opening + amount };
  }
  if (kind === 'refund') return { balance, earned, spent: spent - amount, opening };
  if (amount > 0) return { balance, earned: earned + amount, spent, opening };
  return { balance, earned, spent: spent - amount, opening };
}

/**
 * Idempotency keys, used as the entry's document id: one entry per source, so the same
 * thing can never be paid twice, whatever retries or races happen.
 */
export const ledgerKey = {
  service: (participationId: string) => `service_${participationId}`,
  wish: (wishId: string) => `wish_${wishId}`,
  redeem: (orderId: string) => `redeem_${orderId}`,
  refund: (orderId: string) => `refund_${orderId}`,
  adjust: (userId: string, requestId: string) => `adjust_${userId}_${requestId}`,
  /** One opening balance per resident: the paper ledger is carried over once. */
  opening: (userId: string) => `opening_${userId}`,
};

export interface EntryLike {
  kind: EntryKind;
  amount: number;
  reason: string;
  createdAt: EpochMs;
}

/** The line a resident reads in their history, in plain Chinese. */
export function describeEntry(entry: Pick<EntryLike, 'kind' | 'reason'>): string {
  const label = ENTRY_KIND_LABELS[entry.kind];
  return entry.reason ? `${label}：${entry.reason}` : label;
}

export interface MonthGroup<T> {
  key: string;
  label: string;
  entries: T[];
  /** Net change over the month. */
  net: number;
}

/** History grouped by community-time month, newest first, keeping each month's order. */
export function groupByMonth<T extends Pick<EntryLike, 'amount' | 'createdAt'>>(
  entries: T[],
): MonthGroup<T>[] {
  const groups = new Map<string, MonthGroup<T>>();
  for (const entry of [...entries].sort((a, b) => b.createdAt - a.createdAt)) {
    const key = monthKey(entry.createdAt);
    const group = groups.get(key) ?? { key, label: monthLabel(entry.createdAt), entries: [], net: 0 };
    group.entries.push(entry);
    group.net += entry.amount;
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface RankRow {
  userId: string;
  points: number;
}

/** Standard competition ranking (1, 2, 2, 4): ties share a place, ordered by points. */
export function rankRows<T extends RankRow>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].filter((r) => r.points > 0).sort((a, b) => b.points - a.points);
  return sorted.map((row, index) => ({
    ...row,
    rank: index > 0 && sorted[index - 1].points === row.points ? rankOfPoints(sorted, row.points) : index + 1,
  }));
}

function rankOfPoints(sorted: RankRow[], points: number): number {
  return sorted.findIndex((r) => r.points === points) + 1;
}
