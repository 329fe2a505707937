/**
 * One better-sqlite3 connection with the pragmas the stand-in relies on and a
 * statement cache (the same few statements run thousands of times per test).
 */
import Database from 'better-sqlite3';

export interface ConnectionOptions {
  /** FULL for a real database file (a committed write survives a crash); OFF for scratch files. */
  synchronous: 'FULL' | 'OFF';
}

/**
 * SQLite's answer to a statement on a table that does not exist, at prepare time or when a
 * cached statement re-runs. Checked by shape, not `instanceof SqliteError`: the native addon
 * keeps the class of the first module registry that loaded it (jest has one per test file).
 */
export function isMissingTable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_ERROR' && typeof message === 'string' && message.startsWith('no such table');
}

export class SqliteConnection {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** better-sqlite3's BEGIN/COMMIT-or-SAVEPOINT wrapper, built once rather than per write. */
  private readonly transaction: Database.Transaction<(work: () => unknown) => unknown>;

  constructor(file: string, options: ConnectionOptions) {
    this.db = new Database(file);
    // WAL: readers in other processes (a backup, `sqlite3` by hand) never block the server.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous}`);
    // Another process (e.g. `npm run db:seed` next to a running server) may hold the lock briefly.
    this.db.pragma('busy_timeout = 5000');
    this.transaction = this.db.transaction((work: () => unknown) => work());
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  /**
   * Runs `work` atomically: its own transaction when none is open, a savepoint inside an
   * open one. A batch insert that hits a duplicate `_id` thus leaves nothing behind,
   * without ending the CloudBase transaction it belongs to.
   */
  atomically<T>(work: () => T): T {
    return this.transaction(work) as T;
  }

  /** SQLite's online backup: a consistent copy while the database stays in use. */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
