/**
 * What every API handler works with, and the rules shared by all of them: where a request
 * reads from, how a write is applied, and which requests may carry a transaction id.
 */
import { asDocument, decodeCondition, type Document } from '../codec';
import { type CollectionStore } from '../collections';
import { StandInError } from '../errors';
import { type Isolation, type TrackedStore } from '../isolation';
import type { QueryType } from '../protocol';

export interface ApiContext {
  /** The committed collections: what reads outside a transaction see. */
  committed: CollectionStore;
  isolation: Isolation;
}

/** A write outside any transaction: atomic, waiting for any transaction lock it runs into. */
export function writeOutside<T>(
  ctx: ApiContext,
  apiName: string,
  work: (store: TrackedStore) => T,
): Promise<T> {
  return ctx.isolation.outside(apiName, work);
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

/** The id of a `doc(id)` request: its condition is exactly `{ _id: id }`. */
export function docId(criteria: Document, operation: string): string | number {
  const id = criteria._id;
  if (Object.keys(criteria).length !== 1 || (typeof id !== 'string' && typeof id !== 'number')) {
    throw new StandInError(`${operation} in a transaction must name one document by its _id`);
  }
  return id;
}
