/**
 * Test harness: a fresh local database behind the real wx-server-sdk, as a cloud
 * function would use it. jest gives every test file its own module registry, so each
 * file gets its own `cloud` instance and stand-in routing.
 */
import * as cloud from 'wx-server-sdk';
import { inTransaction, type Transaction as RuntimeTransaction } from '../../cloudfunctions/runtime/db';
import {
  installStandIn,
  type LocalDatabase,
  openLocalDatabase,
  type OpenOptions,
} from '../../server/standin';

export type Database = ReturnType<typeof cloud.database>;
export type Query = ReturnType<ReturnType<Database['collection']>['where']>;
/** wx-server-sdk types the transaction as `any`; this is the part our code may use. */
export type Transaction = Pick<Database, 'collection'> & {
  rollback(reason?: unknown): Promise<unknown>;
};

export interface LocalCloud {
  local: LocalDatabase;
  db: Database;
}

/** The runtime's inTransaction (conflicts re-run with backoff), typed for the harness's transactions. */
export function retrying<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return inTransaction(db, work as unknown as (tx: RuntimeTransaction) => Promise<T>);
}

export function startLocalCloud(options: Partial<OpenOptions> = {}): LocalCloud {
  const local = openLocalDatabase({ file: ':memory:', ...options });
  installStandIn(local);
  // The typings declare `env` as a string, but DYNAMIC_CURRENT_ENV is the SDK's symbol.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return { local, db: cloud.database() };
}

/**
 * wx-server-sdk's typings allow callback-style `void | string` results; called without a
 * callback, as here, the SDK always returns a promise.
 */
export function call<T>(result: Promise<T> | void | string): Promise<T> {
  if (!(result instanceof Promise))
    throw new Error(`expected the SDK to return a promise, got ${typeof result}`);
  return result;
}

/** Awaits a promise that must reject and hands back what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
