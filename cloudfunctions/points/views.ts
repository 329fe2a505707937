import type { AccountView, EntryView } from '../../core/contract';
import { describeEntry, type EntrySourceType } from '../../core/domain/points';
import { eventOfParticipation } from '../events/store';
import type { AccountDoc, EntryDoc } from './ledger';

export function toAccountView(account: AccountDoc, hideFromRankings: boolean): AccountView {
  return {
    balance: account.balance,
    earned: account.earned,
    spent: account.spent,
    opening: account.opening ?? 0,
    hideFromRankings,
  };
}

/** Where a resident can follow an entry: the order it pays for, the event that earned it. */
function sourceOf(entry: EntryDoc): { sourceType: EntrySourceType; sourceId: string } {
  if (entry.sourceType === 'order') return { sourceType: 'order', sourceId: entry.sourceId };
  if (entry.sourceType === 'participation')
    return { sourceType: 'event', sourceId: eventOfParticipation(entry.sourceId) };
  if (entry.sourceType === 'wish') return { sourceType: 'wish', sourceId: entry.sourceId };
  // A staff adjustment's source is a request id: nothing a resident can open.
  return { sourceType: 'manual', sourceId: '' };
}

export function toEntryView(entry: EntryDoc): EntryView {
  return {
    ...sourceOf(entry),
    id: entry._id,
    kind: entry.kind,
    amount: entry.amount,
    description: describeEntry(entry),
    balanceAfter: entry.balanceAfter,
    createdAt: entry.createdAt,
  };
}
