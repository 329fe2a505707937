/**
 * Who may write, and when.
 *
 * CloudBase transactions are real and isolated; better-sqlite3 gives us one synchronous
 * writer connection. So transactions are serialized: `begin` takes the lock and opens a
 * SQLite transaction that stays open across the callback's awaits; `commit`/`abort`
 * end it and pass the lock on. Writes outside any transaction take the same lock for
 * their (synchronous) duration, so they can never land inside someone's open transaction.
 * Reads outside transactions take no lock: they use the reader connection, which sees
 * the last committed state (see docs/standin.md).
 */
import { randomBytes } from 'crypto';
import { CloudBaseError, StandInError } from './errors';
import { Mutex } from './mutex';
import { type SqliteConnection } from './sqlite';

interface OpenTransaction {
  id: string;
  startedAt: number;
}

export class TransactionGate {
  private readonly lock = new Mutex();
  private open: OpenTransaction | undefined;

  constructor(
    private readonly writer: SqliteConnection,
    private readonly lockTimeoutMs: number,
  ) {}

  get busy(): boolean {
    return this.lock.isHeld;
  }

  async begin(): Promise<string> {
    await this.lock.acquire(this.lockTimeoutMs, () => this.stuck('database.startTransaction'));
    try {
      this.writer.exec('BEGIN IMMEDIATE');
    } catch (error) {
      this.lock.release();
      throw error;
    }
    this.open = { id: randomBytes(12).toString('hex'), startedAt: Date.now() };
    return this.open.id;
  }

  /** Every request that names a transaction must name the one that is open right now. */
  ensureOpen(transactionId: string): void {
    if (this.open?.id !== transactionId) {
      throw new CloudBaseError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${transactionId} is not open (already committed, rolled back, or never started)`,
      );
    }
  }

  commit(transactionId: string): void {
    this.ensureOpen(transactionId);
    try {
      this.writer.exec('COMMIT');
    } finally {
      this.finish();
    }
  }

  abort(transactionId: string): void {
    this.ensureOpen(transactionId);
    this.finish();
  }

  /** A write outside any transaction: waits its turn, then runs without yielding. */
  async outside<T>(apiName: string, work: () => T): Promise<T> {
    await this.lock.acquire(this.lockTimeoutMs, () => this.stuck(apiName));
    try {
      return work();
    } finally {
      this.lock.release();
    }
  }

  /** Rolls back whatever is open and fails everyone still waiting. */
  shutdown(): void {
    this.lock.failAll(new StandInError('the local database was closed while this request waited for it'));
    if (this.open) this.finish();
  }

  /** Rolls back anything COMMIT left behind (a failed commit, or an abort) and passes the lock on. */
  private finish(): void {
    if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
    this.open = undefined;
    this.lock.release();
  }

  private stuck(apiName: string): StandInError {
    const holder = this.open
      ? `transaction ${this.open.id}, open for ${Date.now() - this.open.startedAt}ms`
      : 'another request';
    return new StandInError(
      `${apiName} waited ${this.lockTimeoutMs}ms for the database lock, held by ${holder}. ` +
        'Likely cause: inside a runTransaction callback, a write (or a nested runTransaction) was issued on `db` ' +
        'instead of on the transaction `tx`, so it waits for the transaction that is waiting for it. ' +
        'Use tx.collection(...).doc(id) / tx.collection(...).add inside the callback. ' +
        'Otherwise: a transaction from db.startTransaction() was never committed or rolled back.',
    );
  }
}
