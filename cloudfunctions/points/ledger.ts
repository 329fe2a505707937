/**
 * The append-only points ledger every feature pays into. Each entry's document id is its
 * idempotency key; the account holds the running totals. Both are written in the caller's
 * transaction, so balance = Σ entries ≥ 0 holds under retries and races.
 */
import { AppError } from '../../core/errors';
import { EMPTY_TOTALS, applyEntry, type AccountTotals, type EntryKind } from '../../core/domain/points';
import type { EpochMs } from '../../core/time';
import {
  findById,
  inTransaction,
  withoutId,
  type Database,
  type Doc,
  type DocReader,
  type Transaction,
} from '../runtime/db';

export const ACCOUNTS = 'point_accounts';
export const ENTRIES = 'point_entries';

export interface AccountFields extends AccountTotals {
  userId: string;
  /** Quantity redeemed per goods this month, keyed `<YYYY-MM>|<goodsId>`; older months are dropped. */
  usage: Record<string, number>;
  updatedAt: EpochMs;
}
export type AccountDoc = Doc<AccountFields>;

export interface EntryFields {
  userId: string;
  amount: number;
  kind: EntryKind;
  reason: string;
  /** What paid or was paid for: `order`, `participation`, `wish`, `manual`. */
  sourceType: string;
  sourceId: string;
  /** Staff who made a manual adjustment; null for automatic entries. */
  operatorId: string | null;
  balanceAfter: number;
  createdAt: EpochMs;
}
export type EntryDoc = Doc<EntryFields>;

export interface Posting {
  /** The idempotency key (see `ledgerKey`), used as the entry id. */
  key: string;
  userId: string;
  amount: number;
  kind: EntryKind;
  reason: string;
  sourceType: string;
  sourceId: string;
  operatorId: string | null;
}

export async function loadAccount(source: DocReader, userId: string): Promise<AccountDoc> {
  const account = await findById<AccountFields>(source, ACCOUNTS, userId);
  return account ?? { _id: userId, userId, ...EMPTY_TOTALS, usage: {}, updatedAt: 0 };
}

/**
 * Write one entry and the account it changes. The caller has read `account` in this
 * transaction and knows `posting.key` is new (e.g. it just created the order it pays for).
 */
export async function postEntry(
  tx: Transaction,
  account: AccountDoc,
  posting: Posting,
  now: EpochMs,
  accountChanges: Partial<AccountFields> = {},
): Promise<{ entry: EntryDoc; account: AccountDoc }> {
  const { entry, account: nextAccount } = nextEntry(account, posting, now, accountChanges);
  // Two documents, one round trip: the requests are independent and the commit makes them one.
  await Promise.all([
    tx
      .collection(ACCOUNTS)
      .doc(account._id)
      .set({ data: withoutId(nextAccount) }),
    tx
      .collection(ENTRIES)
      .doc(entry._id)
      .set({ data: withoutId(entry) }),
  ]);
  return { entry, account: nextAccount };
}

/** The entry a posting makes and the account after it, written by the caller (batches write each account once). */
export function nextEntry(
  account: AccountDoc,
  posting: Posting,
  now: EpochMs,
  accountChanges: Partial<AccountFields> = {},
): { entry: EntryDoc; account: AccountDoc } {
  const totals = applyEntry(account, posting.amount, posting.kind);
  const { key, ...rest } = posting;
  return {
    entry: { _id: key, ...rest, balanceAfter: totals.balance, createdAt: now },
    account: { ...account, ...accountChanges, ...totals, updatedAt: now },
  };
}

/** Post unless an entry with this key exists; a repeat returns the first entry unchanged. */
export async function postOnce(
  tx: Transaction,
  posting: Posting,
  now: EpochMs,
): Promise<{ entry: EntryDoc; account: AccountDoc; repeated: boolean }> {
  const [existing, account] = await Promise.all([
    findById<EntryFields>(tx, ENTRIES, posting.key),
    loadAccount(tx, posting.userId),
  ]);
  if (existing) {
    // The same key must mean the same payment; anything else is a caller's bug or abuse.
    if (existing.userId !== posting.userId || existing.amount !== posting.amount)
      throw new AppError('REQUEST_REUSED');
    return { entry: existing, account, repeated: true };
  }
  return { ...(await postEntry(tx, account, posting, now)), repeated: false };
}

/** The internal `award` other functions call (service hours, 微心愿): exactly once per key. */
export function awardPoints(db: Database, posting: Posting, now: EpochMs) {
  if (posting.amount <= 0) throw new AppError('INVALID_INPUT', '奖励积分必须为正数');
  return inTransaction(db, (tx) => postOnce(tx, posting, now));
}
