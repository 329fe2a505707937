/**
 * Data access helpers written once against wx-server-sdk's database API. On CloudBase they
 * talk to the cloud database; locally and in tests the same calls are served by the
 * embedded stand-in (server/standin), so this is the code the tests exercise.
 */
import cloud, { type DB } from 'wx-server-sdk';

export type Database = DB.Database;

/** The function's database: CloudBase's, or the local stand-in once it is installed. */
export function connectDatabase(): Database {
  // The SDK types `env` as a string; the dynamic-env symbol is its documented value.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return cloud.database();
}

/** What a transaction callback receives: single-document operations only (CloudBase's limit). */
export interface Transaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: object }): Promise<unknown>;
      update(options: { data: object }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(options: { data: object }): Promise<{ _id: string }>;
  };
}

/** Either the database or an open transaction: both can read and write single documents. */
export type DocReader = Database | Transaction;

/** Every stored document has a string id; the rest of its shape belongs to its collection. */
export type Doc<T> = T & { _id: string };

function isMissingDocError(error: unknown): boolean {
  const text = String((error as { errMsg?: string })?.errMsg ?? error);
  return /does not exist|not exist/i.test(text);
}

/** One document by id, or null when there is none (CloudBase throws for a missing id). */
export async function findById<T>(source: DocReader, collection: string, id: string): Promise<Doc<T> | null> {
  try {
    const res = await source.collection(collection).doc(id).get();
    const data = (res as { data: unknown }).data;
    if (Array.isArray(data)) return (data[0] as Doc<T>) ?? null;
    return (data as Doc<T> | null) ?? null;
  } catch (error) {
    if (isMissingDocError(error)) return null;
    throw error;
  }
}

/** A document body without its id, as `set` expects it. */
export function withoutId<T extends { _id?: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

/**
 * CloudBase answers a write that lost to another transaction with DATABASE_TRANSACTION_CONFLICT
 * ("[ResourceUnavailable.TransactionConflict] …"). wx-server-sdk turns a failed document request
 * into errCode -501001 with the server's message, while a failed commit arrives with its raw code,
 * so both forms are recognised.
 */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errMsg?: unknown; message?: unknown } | null;
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(String(e?.errMsg ?? e?.message ?? ''));
}

/** What the retries cost, for the load benchmark. */
export const transactionStats = { attempts: 0, retries: 0 };

export interface RetryPolicy {
  /** Total time an action may spend retrying: well inside the function's timeout. */
  budgetMs: number;
  /** First backoff ceiling; it doubles per attempt up to maxDelayMs ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * A hot document (one event's seats, one goods item's stock) is written by every request that
 * wants it, so concurrent transactions conflict and all but one re-run. Waiting a random time
 * from a window that doubles each attempt spreads the re-runs out, so they stop colliding.
 * The budget stays well inside the functions' 10 s timeout (set in the console: README, deploy step 3).
 */
export const DEFAULT_RETRY: RetryPolicy = { budgetMs: 6000, baseDelayMs: 10, maxDelayMs: 320 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run `work` in a database transaction, re-running it on a conflict with jittered backoff. The
 * callback must be safe to run again: read, decide, then write — and write the documents that
 * guard its invariants, since under snapshot isolation a document only read is not protected.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const deadline = Date.now() + policy.budgetMs;
  for (let attempt = 0; ; attempt += 1) {
    transactionStats.attempts += 1;
    try {
      // 0: the SDK's own retry would re-run at once, without backoff; ours spreads the re-runs.
      return (await db.runTransaction(work, 0)) as T;
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const delay = Math.random() * ceiling;
      if (Date.now() + delay >= deadline) throw error;
      transactionStats.retries += 1;
      await sleep(delay);
    }
  }
}

/**
 * Every document a query matches, page by page (the server returns at most 100 a call). Lists a
 * resident scrolls are paged with a cursor instead (runtime/paging.ts); this is for what a handler
 * or a job must see whole. Nothing is ever cut off: `expected` is how many the caller expects at
 * most, and a list that grew past it is still answered whole, with a warning in the log that it
 * should now be paged — a resident never gets a shortened list, nor an error for a long one.
 */
export async function findAll<T>(query: DB.Query, expected = Infinity): Promise<Doc<T>[]> {
  const pageSize = 100;
  const all: Doc<T>[] = [];
  for (let offset = 0; ; offset += pageSize) {
    // The SDK types results loosely; documents in a collection have that collection's shape.
    const res = (await query.skip(offset).limit(pageSize).get()) as unknown as { data: Doc<T>[] };
    all.push(...res.data);
    if (res.data.length < pageSize) break;
  }
  if (all.length > expected) {
    console.warn(`[findAll] ${all.length} documents where at most ${expected} were expected: page this list`);
  }
  return all;
}
