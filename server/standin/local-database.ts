/**
 * The local database: one SQLite connection, CloudBase's transaction model on top of it
 * (isolation.ts), the simulated network round trip (latency.ts), the request statistics, and
 * `serve()`, which answers one SDK request.
 */
import { mkdirSync } from 'fs';
import { dirname, resolve } from 'path';
import type { ApiContext } from './api/context';
import { ROUTES } from './api/routes';
import { CollectionStore } from './collections';
import { CloudBaseError, StandInError } from './errors';
import { Isolation, type IsolationStats } from './isolation';
import { Latency } from './latency';
import type { ResponseBody } from './protocol';
import { SqliteConnection } from './sqlite';

export interface LocalStats {
  /** One round trip per SDK `send()`, i.e. per request CloudBase would have received. */
  roundTrips: number;
  byApi: Record<string, number>;
  /** Transactions started, writes that lost to another transaction, transactions that expired. */
  transactions: number;
  conflicts: number;
  expired: number;
  /** Non-transactional writes that had to wait for a transaction's lock. */
  lockWaits: number;
}

export interface LocalDatabase {
  /** The path given to openLocalDatabase, or ':memory:'. */
  readonly file: string;
  readonly stats: LocalStats;
  resetStats(): void;
  /** Drops every collection (tests, `db:reset`). Refused while a transaction is open. */
  clear(): void;
  /** A consistent copy of the whole database in `file` (SQLite's online backup), taken while it runs. */
  backup(file: string): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  /** A file path (parent directories are created), or ':memory:' for a throwaway database. */
  file: string;
  /** Mean simulated round trip per request in ms (0: yield to the event loop only). Default 0. */
  latencyMs?: number;
  /**
   * How long a non-transactional write waits for a transaction's lock before it fails as a
   * probable self-deadlock. Default 5000 ms, less than a transaction lives.
   */
  lockTimeoutMs?: number;
  /** How long an uncommitted transaction lives before it is rolled back. Default 10 000 ms. */
  transactionLifetimeMs?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 5000;
const DEFAULT_TRANSACTION_LIFETIME_MS = 10_000;

export class SqliteLocalDatabase implements LocalDatabase {
  private readonly conn: SqliteConnection;
  private readonly isolation: Isolation;
  private readonly context: ApiContext;
  private readonly latency: Latency;
  private readonly counted = { roundTrips: 0, byApi: {} as Record<string, number> };
  private base: IsolationStats = { transactions: 0, conflicts: 0, expired: 0, lockWaits: 0 };
  private requests = 0;
  private closed = false;

  constructor(
    readonly file: string,
    path: string,
    options: OpenOptions,
  ) {
    // A scratch database needs no durability; a file on disk survives a crash once committed.
    this.conn = new SqliteConnection(path, { synchronous: path === ':memory:' ? 'OFF' : 'FULL' });
    const committed = new CollectionStore(this.conn);
    this.isolation = new Isolation(committed, this.conn, {
      lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      transactionLifetimeMs: options.transactionLifetimeMs ?? DEFAULT_TRANSACTION_LIFETIME_MS,
    });
    this.context = { committed, isolation: this.isolation };
    this.latency = new Latency(options.latencyMs ?? 0);
  }

  get stats(): LocalStats {
    const now = this.isolation.stats;
    return {
      ...this.counted,
      transactions: now.transactions - this.base.transactions,
      conflicts: now.conflicts - this.base.conflicts,
      expired: now.expired - this.base.expired,
      lockWaits: now.lockWaits - this.base.lockWaits,
    };
  }

  async serve(api: string, params: unknown): Promise<ResponseBody> {
    this.counted.roundTrips += 1;
    this.counted.byApi[api] = (this.counted.byApi[api] ?? 0) + 1;
    await this.latency.outbound();
    const answer = await this.answer(api, params);
    await this.latency.inbound();
    return answer;
  }

  private async answer(api: string, params: unknown): Promise<ResponseBody> {
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
    this.counted.roundTrips = 0;
    for (const api of Object.keys(this.counted.byApi)) delete this.counted.byApi[api];
    this.base = { ...this.isolation.stats };
  }

  clear(): void {
    if (this.isolation.openTransactions > 0) throw new StandInError('clear() while a transaction is open');
    this.conn.atomically(() => this.context.committed.dropAll());
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    await this.conn.backup(resolve(file));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.isolation.shutdown();
    this.conn.close();
  }
}

/** Opens (creating if needed) a database file in WAL mode with synchronous=FULL, or a memory one. */
export function openLocalDatabase(opts: OpenOptions): SqliteLocalDatabase {
  if (opts.file === ':memory:') return new SqliteLocalDatabase(opts.file, ':memory:', opts);
  const path = resolve(opts.file);
  mkdirSync(dirname(path), { recursive: true });
  return new SqliteLocalDatabase(opts.file, path, opts);
}
