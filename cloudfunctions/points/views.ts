import type { AccountView, EntryView } from '../../core/contract';
import { describeEntry } from '../../core/domain/points';
import type { AccountDoc, EntryDoc } from './ledger';

export function toAccountView(account: AccountDoc, hideFromRankings: boolean): AccountView {
  return { balance: account.balance, earned: account.earned, spent: account.spent, hideFromRankings };
}

export function toEntryView(entry: EntryDoc): EntryView {
  return {
    id: entry._id,
    kind: entry.kind,
    amount: entry.amount,
    description: describeEntry(entry),
    balanceAfter: entry.balanceAfter,
    createdAt: entry.createdAt,
  };
}
