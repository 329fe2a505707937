/**
 * The local database: two connections to one SQLite file, the transaction gate, the
 * request statistics, and `serve()`, which answers one SDK request.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import type { ApiContext } from './api/context';
import { ROUTES } from './api/routes';
import { CollectionStore } from './collections';
import { CloudBaseError, StandInError } from './errors';
import type { ResponseBody } from './protocol';
import { SqliteConnection } from './sqlite';
import { TransactionGate } from './transaction-gate';

export interface LocalDatabase {
  /** The path given to openLocalDatabase, or ':memory:'. */
  readonly file: string;
  /** One round trip per SDK `send()`, i.e. per request CloudBase would have received. */
  readonly stats: { roundTrips: number; byApi: Record<string, number> };
  resetStats(): void;
  /** Drops every collection (tests, `db:reset`). Refused while a transaction is open. */
  clear(): void;
  close(): void;
}

export interface OpenOptions {
  /** A file path (parent directories are created), or ':memory:' for a throwaway database. */
  file: string;
  /**
   * How long a write waits for the lock before failing as a probable self-deadlock.
   * Default 5000 ms: far longer than any legitimate queue in tests or local use.
   */
  lockTimeoutMs?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 5000;

export class SqliteLocalDatabase implements LocalDatabase {
  readonly stats = { roundTrips: 0, byApi: {} as Record<string, number> };
  private readonly writer: SqliteConnection;
  private readonly reader: SqliteConnection;
  private readonly context: ApiContext;
  private requests = 0;
  private closed = false;

  /** `scratchDir` is deleted on close: it holds the file behind a ':memory:' database. */
  constructor(
    readonly file: string,
    path: string,
    private readonly scratchDir: string | undefined,
    lockTimeoutMs: number,
  ) {
    const synchronous = scratchDir ? 'OFF' : 'FULL';
    // The writer opens first: it creates the file and switches it to WAL before the reader attaches.
    this.writer = new SqliteConnection(path, { synchronous, queryOnly: false });
    this.reader = new SqliteConnection(path, { synchronous, queryOnly: true });
    const gate = new TransactionGate(this.writer, lockTimeoutMs);
    this.context = {
      committed: new CollectionStore(this.reader),
      working: new CollectionStore(this.writer),
      writer: this.writer,
      gate,
    };
  }

  async serve(api: string, params: unknown): Promise<ResponseBody> {
    this.stats.roundTrips += 1;
    this.stats.byApi[api] = (this.stats.byApi[api] ?? 0) + 1;
    if (this.closed) throw new StandInError(`${api}: the local database ${this.file} is closed`);
    const handler = ROUTES.get(api);
    if (!handler) throw new StandInError(`unsupported database api "${api}"`);
    const requestId = `standin-${++this.requests}`;
    try {
      return { requestId, ...(await handler(this.context, params)) };
    } catch (error) {
      if (error instanceof CloudBaseError) return { requestId, code: error.code, message: error.message };
      throw error;
    }
  }

  resetStats(): void {
    this.stats.roundTrips = 0;
    for (const api of Object.keys(this.stats.byApi)) delete this.stats.byApi[api];
  }

  clear(): void {
    if (this.context.gate.busy) throw new StandInError('clear() while a transaction or write is in progress');
    this.writer.atomically(() => this.context.working.dropAll());
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.context.gate.shutdown();
    this.reader.close();
    this.writer.close();
    if (this.scratchDir) rmSync(this.scratchDir, { recursive: true, force: true });
  }
}

/**
 * Opens (creating if needed) a database file in WAL mode with synchronous=FULL.
 * ':memory:' is backed by a private temporary file, deleted on close, because the
 * committed-snapshot reads need a second connection to the same database, which a
 * SQLite in-memory database cannot offer; durability is pointless there, so it skips fsync.
 */
export function openLocalDatabase(opts: OpenOptions): SqliteLocalDatabase {
  const lockTimeoutMs = opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  if (opts.file === ':memory:') {
    const scratchDir = mkdtempSync(join(tmpdir(), 'standin-'));
    return new SqliteLocalDatabase(opts.file, join(scratchDir, 'db.sqlite'), scratchDir, lockTimeoutMs);
  }
  const path = resolve(opts.file);
  mkdirSync(dirname(path), { recursive: true });
  return new SqliteLocalDatabase(opts.file, path, undefined, lockTimeoutMs);
}
