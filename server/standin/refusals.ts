/**
 * Client-side half of "only single-document operations inside a transaction".
 *
 * `where().update()`, `where().remove()`, `count()` and `aggregate()` on
 * `tx.collection(c)` send no transaction id at all, so the server side cannot tell them
 * from ordinary requests: CloudBase runs them outside the transaction. We wrap these SDK
 * methods so that, when the query object belongs to a transaction, they throw instead.
 * (`where().get()` does send the id and is refused when served; see api/context.ts.)
 */
import { CollectionReference, Query } from '@cloudbase/database';
import { refusalInTransaction } from './api/context';

const GUARDED = Symbol.for('standin.transactionGuard');

/** SDK boundary: Query keeps the transaction id in a protected field. */
interface TransactionBound {
  _transactionId?: string;
}

type Method = (this: TransactionBound, ...args: unknown[]) => unknown;

function guard(prototype: object, method: string, operation: string): void {
  const methods = prototype as Record<string, Method>;
  const original = methods[method];
  methods[method] = function (this: TransactionBound, ...args: unknown[]): unknown {
    if (this._transactionId) throw refusalInTransaction(operation);
    return original.apply(this, args);
  };
}

/** Idempotent: the SDK prototypes are wrapped once per module registry. */
export function guardTransactions(): void {
  const marker = Query.prototype as unknown as Record<symbol, boolean>;
  if (marker[GUARDED]) return;
  marker[GUARDED] = true;
  guard(Query.prototype, 'update', 'where().update()');
  guard(Query.prototype, 'remove', 'where().remove()');
  guard(Query.prototype, 'count', 'count()');
  guard(CollectionReference.prototype, 'aggregate', 'aggregate()');
}
