/**
 * CloudBase's transaction model, on one SQLite file.
 *
 * 云开发 数据库事务 (快照隔离), as documented:
 * - reads in a transaction return a snapshot taken when it started, plus its own writes;
 * - a write puts a transaction lock on the document; another transaction's write to a locked
 *   document fails at once with a conflict, and so does a write to a document someone else
 *   committed after this transaction's snapshot (first committer wins);
 * - a non-transactional write to a locked document waits until the lock is released;
 * - at commit the transaction's writes are applied atomically;
 * - an uncommitted transaction expires.
 * Transactions therefore run concurrently: nothing serialises them but the documents they write.
 * Two transactions that each read a document the other writes can both commit (write skew),
 * exactly as on CloudBase, so an invariant must be guarded by writing the document that holds it.
 *
 * How: a transaction's writes are buffered in memory (the final state of each document it
 * touched) and applied at commit in one SQLite transaction. Every committed change of a document
 * gets the next commit number; while some transaction is open, the state a commit replaces is
 * kept, so a snapshot read finds the version its transaction started with. Only single-document
 * reads happen inside transactions (queries are refused there), so versions are kept per document.
 * All of this runs synchronously between awaits on the one event loop, so no two steps interleave.
 */
import { randomBytes } from 'crypto';
import { unref } from '../timers';
import { type Document } from './codec';
import { type CollectionStore, documentKey } from './collections';
import { CloudBaseError, StandInError } from './errors';
import { type SqliteConnection } from './sqlite';

/** CloudBase's code for a write that lost to another transaction; `runTransaction` retries it. */
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.';
/** A request naming a transaction that is not open (committed, rolled back, expired or unknown). */
export const TRANSACTION_FAIL = 'DATABASE_TRANSACTION_FAIL';

/** Collection and primary key in one string: what locks and versions are kept by. */
export function documentSlot(collection: string, id: unknown): string {
  return `${collection}\u0000${documentKey(id)}`;
}

interface Staged {
  collection: string;
  id: unknown;
  /** The document's state after the transaction; null when it removes the document. */
  doc: Document | null;
}

interface OpenTransaction {
  id: string;
  /** The last commit number its snapshot includes. */
  snapshot: number;
  staged: Map<string, Staged>;
  /** Every document it locked, written or not (an update that changed nothing still locks). */
  locked: Set<string>;
  startedAt: number;
  expiry: NodeJS.Timeout;
}

interface Version {
  seq: number;
  /** The document as it was before commit `seq` changed it; undefined when it did not exist. */
  before: Document | undefined;
}

export interface IsolationOptions {
  /** An uncommitted transaction is rolled back after this long (CloudBase-like: 10 s). */
  transactionLifetimeMs: number;
  /** How long a non-transactional write waits for a lock before it is reported as a self-deadlock. */
  lockTimeoutMs: number;
}

export interface IsolationStats {
  transactions: number;
  conflicts: number;
  expired: number;
  lockWaits: number;
}

/** Thrown inside a non-transactional write that touched a locked document: wait, then try again. */
class Blocked {
  constructor(readonly slot: string) {}
}

/**
 * The store a write works on: the committed collections, noting the state each document had
 * before the write changed it (for snapshots), and refusing documents another transaction holds.
 */
export class TrackedStore {
  readonly before = new Map<string, Document | undefined>();

  constructor(
    private readonly store: CollectionStore,
    private readonly lockHolder: (slot: string) => string | undefined,
    private readonly owner: string | undefined,
  ) {}

  byKey(collection: string, key: string): Document | undefined {
    return this.store.byKey(collection, key);
  }
  byKeys(collection: string, keys: string[]): Document[] {
    return this.store.byKeys(collection, keys);
  }
  all(collection: string): Document[] {
    return this.store.all(collection);
  }
  exists(collection: string): boolean {
    return this.store.exists(collection);
  }
  create(collection: string): void {
    this.store.create(collection);
  }

  insert(collection: string, doc: Document): boolean {
    this.touch(collection, doc._id);
    return this.store.insert(collection, doc);
  }
  put(collection: string, doc: Document): void {
    this.touch(collection, doc._id);
    this.store.put(collection, doc);
  }
  delete(collection: string, id: unknown): void {
    this.touch(collection, id);
    this.store.delete(collection, id);
  }

  private touch(collection: string, id: unknown): void {
    const slot = documentSlot(collection, id);
    const holder = this.lockHolder(slot);
    if (holder !== undefined && holder !== this.owner) throw new Blocked(slot);
    if (!this.before.has(slot)) this.before.set(slot, this.store.byKey(collection, documentKey(id)));
  }
}

export class Isolation {
  readonly stats: IsolationStats = { transactions: 0, conflicts: 0, expired: 0, lockWaits: 0 };
  /** Number of the last commit: a new snapshot includes everything up to it. */
  private seq = 0;
  private readonly open = new Map<string, OpenTransaction>();
  /** Why recently finished transactions ended, for clear error messages. */
  private readonly ended = new Map<string, string>();
  private readonly locks = new Map<string, string>();
  private readonly lastCommit = new Map<string, number>();
  private readonly versions = new Map<string, Version[]>();
  /** Commits in order, so versions no open snapshot can need are dropped from the front. */
  private readonly log: { seq: number; slots: string[] }[] = [];
  private readonly waiters = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(
    private readonly store: CollectionStore,
    private readonly conn: SqliteConnection,
    private readonly options: IsolationOptions,
  ) {}

  get openTransactions(): number {
    return this.open.size;
  }

  begin(): string {
    const id = randomBytes(12).toString('hex');
    const expiry = setTimeout(() => this.end(id, 'expired'), this.options.transactionLifetimeMs);
    unref(expiry);
    this.open.set(id, {
      id,
      snapshot: this.seq,
      staged: new Map(),
      locked: new Set(),
      startedAt: Date.now(),
      expiry,
    });
    this.stats.transactions += 1;
    return id;
  }

  /** The document as transaction `txId` sees it: its own write, else its snapshot's version. */
  read(txId: string, collection: string, id: unknown): Document | undefined {
    const tx = this.transaction(txId);
    const slot = documentSlot(collection, id);
    const staged = tx.staged.get(slot);
    if (staged) return staged.doc ?? undefined;
    if ((this.lastCommit.get(slot) ?? 0) <= tx.snapshot) return this.store.byKey(collection, documentKey(id));
    // Committed since the snapshot: the state that commit replaced is the snapshot's.
    const version = this.versions.get(slot)?.find((v) => v.seq > tx.snapshot);
    if (!version) throw new StandInError(`no snapshot version of ${collection}/${String(id)}: stand-in bug`);
    return version.before;
  }

  /**
   * Lock a document for `txId`'s write. Held by another transaction, or committed by anyone
   * since this snapshot: a conflict, which also ends the transaction (as CloudBase does).
   */
  lock(txId: string, collection: string, id: unknown): void {
    const tx = this.transaction(txId);
    const slot = documentSlot(collection, id);
    const holder = this.locks.get(slot);
    if (holder === txId) return;
    if (holder !== undefined || (this.lastCommit.get(slot) ?? 0) > tx.snapshot) {
      this.stats.conflicts += 1;
      this.end(txId, 'conflict');
      throw new CloudBaseError(TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE);
    }
    this.locks.set(slot, txId);
    tx.locked.add(slot);
  }

  /** Buffer the document's new state (null: removed). The caller has locked it. */
  stage(txId: string, collection: string, id: unknown, doc: Document | null): void {
    this.transaction(txId).staged.set(documentSlot(collection, id), { collection, id, doc });
  }

  /** Apply every staged write at once, durably; the locks held mean no one else changed them. */
  commit(txId: string): void {
    const tx = this.transaction(txId);
    this.applyChanges(txId, (store) => {
      for (const { collection, id, doc } of tx.staged.values()) {
        if (doc) store.put(collection, doc);
        else if (store.byKey(collection, documentKey(id))) store.delete(collection, id);
      }
    });
    this.end(txId, 'committed');
  }

  /** Rolling back a transaction that already ended (say, by a conflict) is harmless. */
  abort(txId: string): void {
    if (this.open.has(txId)) this.end(txId, 'rolled back');
    else if (!this.ended.has(txId)) this.transaction(txId);
  }

  /**
   * A write outside any transaction: applied at once and atomically, unless it touches a document
   * a transaction has locked; then it waits for that lock and runs again.
   */
  async outside<T>(apiName: string, work: (store: TrackedStore) => T): Promise<T> {
    const deadline = Date.now() + this.options.lockTimeoutMs;
    for (;;) {
      try {
        return this.applyChanges(undefined, work);
      } catch (error) {
        if (!(error instanceof Blocked)) throw error;
        this.stats.lockWaits += 1;
        await this.unlocked(error.slot, deadline, apiName);
      }
    }
  }

  /** Ends every transaction and fails everyone waiting (the database is closing). */
  shutdown(): void {
    this.closed = true;
    for (const id of [...this.open.keys()]) this.end(id, 'rolled back (database closed)');
    for (const wake of [...this.waiters.values()].flatMap((set) => [...set])) wake();
  }

  /** Runs `work` in one SQLite transaction, then publishes what it changed under a new commit number. */
  private applyChanges<T>(owner: string | undefined, work: (store: TrackedStore) => T): T {
    const tracked = new TrackedStore(this.store, (slot) => this.locks.get(slot), owner);
    const result = this.conn.atomically(() => work(tracked));
    if (tracked.before.size > 0) this.publish(tracked.before);
    return result;
  }

  private publish(before: Map<string, Document | undefined>): void {
    this.seq += 1;
    const seq = this.seq;
    const keep = this.open.size > 0; // only an open transaction can still need the old state
    for (const [slot, doc] of before) {
      this.lastCommit.set(slot, seq);
      if (!keep) continue;
      const list = this.versions.get(slot) ?? [];
      list.push({ seq, before: doc });
      this.versions.set(slot, list);
    }
    if (keep) this.log.push({ seq, slots: [...before.keys()] });
    else this.prune();
  }

  private transaction(txId: string): OpenTransaction {
    const tx = this.open.get(txId);
    if (tx) return tx;
    const why = this.ended.get(txId) ?? 'never started';
    // A request that was in flight when its transaction lost a conflict shares that answer, so
    // the caller re-runs the transaction whichever of its parallel requests it hears from first.
    if (why === 'conflict') throw new CloudBaseError(TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE);
    throw new CloudBaseError(TRANSACTION_FAIL, `transaction ${txId} is not open (${why})`);
  }

  private end(txId: string, why: string): void {
    const tx = this.open.get(txId);
    if (!tx) return;
    clearTimeout(tx.expiry);
    this.open.delete(txId);
    if (why === 'expired') this.stats.expired += 1;
    this.ended.set(txId, why === 'expired' ? `expired after ${this.options.transactionLifetimeMs}ms` : why);
    if (this.ended.size > 10_000) this.ended.delete(this.ended.keys().next().value as string);
    for (const slot of tx.locked) {
      if (this.locks.get(slot) !== txId) continue;
      this.locks.delete(slot);
      for (const wake of this.waiters.get(slot) ?? []) wake();
    }
    this.prune();
  }

  /** Forget versions older than every open snapshot: nobody can read them any more. */
  private prune(): void {
    if (this.open.size === 0) {
      this.lastCommit.clear();
      this.versions.clear();
      this.log.length = 0;
      return;
    }
    let oldest = Infinity;
    for (const tx of this.open.values()) oldest = Math.min(oldest, tx.snapshot);
    while (this.log.length > 0 && this.log[0].seq <= oldest) {
      const { seq, slots } = this.log.shift() as { seq: number; slots: string[] };
      for (const slot of slots) {
        if (this.lastCommit.get(slot) === seq) this.lastCommit.delete(slot);
        const list = this.versions.get(slot);
        while (list && list.length > 0 && list[0].seq <= oldest) list.shift();
        if (list?.length === 0) this.versions.delete(slot);
      }
    }
  }

  private unlocked(slot: string, deadline: number, apiName: string): Promise<void> {
    if (this.closed) return Promise.reject(new StandInError(`${apiName}: the local database was closed`));
    return new Promise<void>((resolve, reject) => {
      const waiting = this.waiters.get(slot) ?? new Set<() => void>();
      this.waiters.set(slot, waiting);
      const done = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        if (waiting.size === 0) this.waiters.delete(slot);
      };
      const wake = () => {
        done();
        if (this.closed)
          reject(new StandInError(`${apiName}: the local database was closed while it waited`));
        else resolve();
      };
      const timer = setTimeout(
        () => {
          done();
          reject(this.stuck(apiName, slot));
        },
        Math.max(0, deadline - Date.now()),
      );
      waiting.add(wake);
    });
  }

  private stuck(apiName: string, slot: string): StandInError {
    const holder = this.open.get(this.locks.get(slot) ?? '');
    const held = holder
      ? `transaction ${holder.id}, open for ${Date.now() - holder.startedAt}ms`
      : 'a transaction';
    return new StandInError(
      `${apiName} waited ${this.options.lockTimeoutMs}ms for the lock on ${slot.replace('\u0000', '/')}, held by ${held}. ` +
        'Likely cause: inside a runTransaction callback, a write was issued on `db` instead of on the transaction `tx`, ' +
        'so it waits for the transaction that is waiting for it. Use tx.collection(...).doc(id) / ' +
        'tx.collection(...).add inside the callback. Otherwise: a transaction from db.startTransaction() ' +
        'was never committed or rolled back.',
    );
  }
}
