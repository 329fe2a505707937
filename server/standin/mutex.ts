/**
 * A FIFO promise lock with a bounded wait.
 *
 * better-sqlite3 has one synchronous connection per writer, but a CloudBase transaction
 * spans many awaits. Everything that writes therefore queues here, so an open SQLite
 * transaction is never entered by a request that does not belong to it.
 *
 * Waits are bounded because the usual way to wait forever is a self-deadlock (a write
 * issued on `db` inside a `runTransaction` callback waits for the transaction that waits
 * for it); the caller supplies the error that explains this.
 */

interface Waiter {
  grant(): void;
  fail(error: Error): void;
}

export class Mutex {
  private held = false;
  private readonly waiters: Waiter[] = [];

  get isHeld(): boolean {
    return this.held;
  }

  acquire(timeoutMs: number, explainTimeout: () => Error): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.forget(waiter);
        reject(explainTimeout());
      }, timeoutMs);
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Hands the lock straight to the next waiter, so nobody can slip in between. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next.grant();
    else this.held = false;
  }

  /** Rejects every queued waiter (used when the database closes under them). */
  failAll(error: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.fail(error);
  }

  private forget(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
