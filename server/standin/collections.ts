/**
 * Documents on disk: one SQLite table per collection, `(_id TEXT PRIMARY KEY, doc TEXT)`.
 *
 * A `CollectionStore` wraps one connection. The stand-in keeps two: the writer (all
 * writes, and reads inside a transaction, which must see the transaction's own writes)
 * and the reader (reads outside transactions, which must see only committed data).
 * Tables appear on first write, like collections do for our purposes (see docs/standin.md).
 * Statements on a missing table fail in SQLite, which is how reads and writes notice one.
 */
import { type Document, fromStorage, toStorage } from './codec';
import { CloudBaseError, INVALID_PARAM } from './errors';
import { isMissingTable, type SqliteConnection } from './sqlite';

/** The primary key: CloudBase ids are strings, `doc(5)` is keyed as "5". */
export function documentKey(id: unknown): string {
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  throw new CloudBaseError(
    INVALID_PARAM,
    `_id must be a non-empty string or a number, got ${JSON.stringify(id)}`,
  );
}

/** SQLite reserves the sqlite_ prefix; everything else is safe once quoted. */
function storable(collection: string): boolean {
  return collection !== '' && !/^sqlite_/i.test(collection);
}

function table(collection: string): string {
  if (!storable(collection)) {
    throw new CloudBaseError(INVALID_PARAM, `invalid collection name "${collection}"`);
  }
  return `"${collection.replace(/"/g, '""')}"`;
}

/** What a query reads from: the committed collections, or a write's view of them. */
export type DocumentSource = Pick<CollectionStore, 'byKey' | 'byKeys' | 'all'>;

interface Row {
  doc: string;
}

export class CollectionStore {
  constructor(private readonly conn: SqliteConnection) {}

  exists(collection: string): boolean {
    return (
      this.conn.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(collection) !==
      undefined
    );
  }

  create(collection: string): void {
    this.conn
      .statement(`CREATE TABLE IF NOT EXISTS ${table(collection)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      .run();
  }

  /** All documents in insertion order (rowid): deterministic, and close to MongoDB's natural order. */
  all(collection: string): Document[] {
    return this.read(collection, [], (name) => {
      const rows = this.conn.statement(`SELECT doc FROM ${name} ORDER BY rowid`).all() as Row[];
      return rows.map((row) => fromStorage(row.doc));
    });
  }

  /** The document stored under `key`, if any: one primary-key lookup. */
  byKey(collection: string, key: string): Document | undefined {
    return this.read(collection, undefined, (name) => {
      const row = this.conn.statement(`SELECT doc FROM ${name} WHERE _id = ?`).get(key) as Row | undefined;
      return row && fromStorage(row.doc);
    });
  }

  byKeys(collection: string, keys: string[]): Document[] {
    if (keys.length === 1) {
      const doc = this.byKey(collection, keys[0]);
      return doc ? [doc] : [];
    }
    return this.read(collection, [], (name) => {
      const sql = `SELECT doc FROM ${name} WHERE _id IN (SELECT value FROM json_each(?)) ORDER BY rowid`;
      const rows = this.conn.statement(sql).all(JSON.stringify(keys)) as Row[];
      return rows.map((row) => fromStorage(row.doc));
    });
  }

  /** Returns false instead of overwriting when the `_id` is taken. */
  insert(collection: string, doc: Document): boolean {
    return this.write(collection, (name) => {
      const sql = `INSERT INTO ${name} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO NOTHING`;
      return this.conn.statement(sql).run(documentKey(doc._id), toStorage(doc)).changes === 1;
    });
  }

  /** Upsert that keeps the rowid of an existing row, so natural order survives a `set`. */
  put(collection: string, doc: Document): void {
    this.write(collection, (name) => {
      const sql = `INSERT INTO ${name} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`;
      this.conn.statement(sql).run(documentKey(doc._id), toStorage(doc));
    });
  }

  /** Only called for documents just read, so the table exists. */
  delete(collection: string, id: unknown): void {
    this.conn.statement(`DELETE FROM ${table(collection)} WHERE _id = ?`).run(documentKey(id));
  }

  private names(): string[] {
    const rows = this.conn
      .statement(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  }

  dropAll(): void {
    for (const name of this.names()) this.conn.exec(`DROP TABLE ${table(name)}`);
  }

  /**
   * Asking SQLite beats remembering which tables exist: a table created in a rolled-back
   * transaction (or savepoint) is gone again, and `clear()` drops them all.
   * A never-written collection reads as `empty`.
   */
  private read<T>(collection: string, empty: T, work: (name: string) => T): T {
    if (!storable(collection)) return empty; // writes refuse such names, so nothing was ever stored
    try {
      return work(table(collection));
    } catch (error) {
      if (isMissingTable(error)) return empty;
      throw error;
    }
  }

  /** Runs `work`, first creating the table if it does not exist (yet, or any more). */
  private write<T>(collection: string, work: (name: string) => T): T {
    const name = table(collection);
    try {
      return work(name);
    } catch (error) {
      if (!isMissingTable(error)) throw error;
      this.create(collection);
      return work(name);
    }
  }
}
