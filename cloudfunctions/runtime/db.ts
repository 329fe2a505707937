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

/** CloudBase reports a write-write conflict between transactions with this code. */
const TRANSACTION_CONFLICT = -501001;

function isConflict(error: unknown): boolean {
  const e = error as { errCode?: number; code?: number | string };
  return e?.errCode === TRANSACTION_CONFLICT || e?.code === TRANSACTION_CONFLICT;
}

/**
 * Run `work` in a database transaction, retrying on a conflict. CloudBase does not retry
 * conflicts itself, so the callback must be safe to run again: read, decide, then write.
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db.runTransaction(work, 1)) as T;
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
    }
  }
}

/** Page through a query, since the server returns at most 100 documents a call. */
export async function findAll<T>(query: DB.Query, max = 1000): Promise<Doc<T>[]> {
  const pageSize = 100;
  const all: Doc<T>[] = [];
  for (let offset = 0; offset < max; offset += pageSize) {
    // The SDK types results loosely; documents in a collection have that collection's shape.
    const res = (await query.skip(offset).limit(pageSize).get()) as unknown as { data: Doc<T>[] };
    all.push(...res.data);
    if (res.data.length < pageSize) break;
  }
  return all;
}
