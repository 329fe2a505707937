/**
 * What every API handler works with, and the rules shared by all of them: which
 * connection a request reads from, how a write gets its turn, and which requests may
 * carry a transaction id.
 */
import { asDocument, decodeCondition, type Document } from '../codec';
import { type CollectionStore } from '../collections';
import { StandInError } from '../errors';
import type { QueryType } from '../protocol';
import { type SqliteConnection } from '../sqlite';
import { type TransactionGate } from '../transaction-gate';

export interface ApiContext {
  /** Reader connection: the last committed state. */
  committed: CollectionStore;
  /** Writer connection: all writes, and reads inside the open transaction. */
  working: CollectionStore;
  writer: SqliteConnection;
  gate: TransactionGate;
}

/** Inside a transaction a read must see the transaction's own writes; outside, only committed data. */
export function readView(ctx: ApiContext, transactionId: string | undefined): CollectionStore {
  if (transactionId === undefined) return ctx.committed;
  ctx.gate.ensureOpen(transactionId);
  return ctx.working;
}

/**
 * Runs a write atomically. Inside a transaction it joins the already open SQLite
 * transaction; outside, it first waits for the lock so it cannot land inside one.
 */
export async function write<T>(
  ctx: ApiContext,
  apiName: string,
  transactionId: string | undefined,
  work: (store: CollectionStore) => T,
): Promise<T> {
  const run = (): T => ctx.writer.atomically(() => work(ctx.working));
  if (transactionId === undefined) return ctx.gate.outside(apiName, run);
  ctx.gate.ensureOpen(transactionId);
  return run();
}

/**
 * CloudBase accepts collection queries on a transaction but runs them outside it (and
 * `where().update/remove`, `count` do not even send the transaction id). Our code must
 * never rely on that, so only single-document requests may name a transaction.
 */
export function refuseQueryInTransaction(
  operation: string,
  params: { transactionId?: string; queryType: QueryType },
): void {
  if (params.transactionId !== undefined && params.queryType !== 'DOC') throw refusalInTransaction(operation);
}

export function refusalInTransaction(operation: string): StandInError {
  return new StandInError(
    `${operation} was called on a transaction (tx.collection(...)). CloudBase would run it OUTSIDE the ` +
      'transaction (not isolated, not rolled back), so the stand-in refuses it. Inside a transaction use only ' +
      'tx.collection(c).doc(id).get/set/update/remove and tx.collection(c).add; run queries before or after it.',
  );
}

export function decodeCriteria(query: string | undefined): Document {
  return asDocument(decodeCondition(query), 'query');
}
