/**
 * CloudBase's transaction model as the stand-in plays it (docs/standin.md, "Transactions and
 * isolation"): snapshots, per-document locks, first committer wins, write skew allowed,
 * non-transactional writes waiting for locks, expiry, and requests that interleave.
 */
import { isTransactionConflict } from '../../cloudfunctions/runtime/db';
import { rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { openLocalDatabase, installStandIn } from '../../server/standin';
import { call, rejectionOf, retrying, startLocalCloud, type Transaction } from './harness';

const LIFETIME_MS = 150;
const { local, db } = startLocalCloud({ transactionLifetimeMs: LIFETIME_MS, lockTimeoutMs: 1000 });
const _ = db.command;
afterAll(() => local.close());

beforeEach(async () => {
  local.clear();
  await call(db.collection('docs').add({ data: { _id: 'x', n: 1 } }));
  await call(db.collection('docs').add({ data: { _id: 'y', n: 1 } }));
  local.resetStats();
});

const read = async (tx: Transaction | typeof db, id: string): Promise<number> =>
  (await call(tx.collection('docs').doc(id).get())).data.n;
const write = (tx: Transaction | typeof db, id: string, n: number) =>
  call(tx.collection('docs').doc(id).update({ data: { n } }));

describe('snapshots', () => {
  it('a transaction reads the state it started with, whatever commits meanwhile', async () => {
    const tx = await db.startTransaction();
    await write(db, 'x', 2); // committed by a plain write after the snapshot
    await retrying(db, (other) => write(other, 'y', 3)); // and by another transaction
    expect([await read(tx, 'x'), await read(tx, 'y')]).toEqual([1, 1]);
    expect([await read(db, 'x'), await read(db, 'y')]).toEqual([2, 3]);
    await tx.commit();
  });

  it('its own writes are visible to it, and to nobody else before the commit', async () => {
    const tx = await db.startTransaction();
    await write(tx, 'x', 5);
    await call(tx.collection('docs').add({ data: { _id: 'z', n: 9 } }));
    expect([await read(tx, 'x'), await read(tx, 'z')]).toEqual([5, 9]);
    expect(await read(db, 'x')).toBe(1);
    expect((await call(db.collection('docs').where({ _id: 'z' }).get())).data).toEqual([]);
    await tx.commit();
    expect([await read(db, 'x'), await read(db, 'z')]).toEqual([5, 9]);
  });

  it('a document removed inside the transaction is gone for it at once', async () => {
    const tx = await db.startTransaction();
    await call(tx.collection('docs').doc('x').remove());
    await expect(call(tx.collection('docs').doc('x').get())).rejects.toThrow(/does not exist/);
    await tx.commit();
    expect((await call(db.collection('docs').count())).total).toBe(1);
  });
});

describe('conflicts', () => {
  it('a write to a document another transaction holds fails at once, and ends that transaction', async () => {
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await write(first, 'x', 2);
    const error = await rejectionOf(write(second, 'x', 3));
    expect(isTransactionConflict(error)).toBe(true);
    // The loser is over: its other requests fail with the same conflict, and it holds nothing.
    expect(isTransactionConflict(await rejectionOf(read(second, 'y')))).toBe(true);
    await first.commit();
    expect(await read(db, 'x')).toBe(2);
    expect(local.stats.conflicts).toBe(1);
  });

  it('first committer wins: writing a document committed since the snapshot conflicts', async () => {
    const late = await db.startTransaction();
    expect(await read(late, 'x')).toBe(1);
    await retrying(db, (early) => write(early, 'x', 2));
    expect(isTransactionConflict(await rejectionOf(write(late, 'x', read.length)))).toBe(true);
    expect(await read(db, 'x')).toBe(2);
  });

  it('inserting the same new id from two transactions: one commits, the other conflicts', async () => {
    const a = await db.startTransaction();
    const b = await db.startTransaction();
    await call(a.collection('docs').add({ data: { _id: 'ballot', by: 'a' } }));
    expect(
      isTransactionConflict(
        await rejectionOf(call(b.collection('docs').add({ data: { _id: 'ballot', by: 'b' } }))),
      ),
    ).toBe(true);
    await a.commit();
    expect((await call(db.collection('docs').doc('ballot').get())).data.by).toBe('a');
  });

  it('inTransaction re-runs a conflicting callback on a fresh snapshot until it commits', async () => {
    let runs = 0;
    const blocker = await db.startTransaction();
    await write(blocker, 'x', 10);
    const retried = retrying(db, async (tx) => {
      runs += 1;
      const n = await read(tx, 'x');
      await write(tx, 'x', n + 1);
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await blocker.commit();
    expect(await retried).toBe(10);
    expect(runs).toBeGreaterThan(1);
    expect(await read(db, 'x')).toBe(11);
  });

  it('write skew is allowed: two transactions each reading the guard the other writes both commit', async () => {
    // "At least one of x, y stays 1": each checks the other and clears its own.
    const clearIfOtherSet = (mine: string, other: string) =>
      retrying(db, async (tx) => {
        if ((await read(tx, other)) !== 1) return false;
        await new Promise((resolve) => setTimeout(resolve, 10)); // both have read before either writes
        await write(tx, mine, 0);
        return true;
      });
    const outcomes = await Promise.all([clearIfOtherSet('x', 'y'), clearIfOtherSet('y', 'x')]);
    expect(outcomes).toEqual([true, true]);
    // The invariant broke, exactly as it would on CloudBase: a guard read but not written protects nothing.
    expect([await read(db, 'x'), await read(db, 'y')]).toEqual([0, 0]);
    expect(local.stats.conflicts).toBe(0);
  });

  it('writing the guard too makes the same pair safe: one of them conflicts, re-runs and refuses', async () => {
    const clearIfOtherSet = (mine: string, other: string) =>
      retrying(db, async (tx) => {
        const seen = await read(tx, other);
        if (seen !== 1) return false;
        await new Promise((resolve) => setTimeout(resolve, 10));
        await write(tx, other, seen); // touch the guard: now the two transactions collide
        await write(tx, mine, 0);
        return true;
      });
    const outcomes = await Promise.all([clearIfOtherSet('x', 'y'), clearIfOtherSet('y', 'x')]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect([await read(db, 'x'), await read(db, 'y')].sort()).toEqual([0, 1]);
  });
});

describe('non-transactional writes', () => {
  it('a multi-document where().update waits for every lock it runs into, then applies atomically', async () => {
    const tx = await db.startTransaction();
    await write(tx, 'y', 50);
    const bulk = call(
      db
        .collection('docs')
        .where({ n: _.gte(0) })
        .update({ data: { n: _.inc(1) } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await read(db, 'x')).toBe(1); // nothing applied while y is locked
    await tx.commit();
    await bulk;
    expect([await read(db, 'x'), await read(db, 'y')]).toEqual([2, 51]);
    expect(local.stats.lockWaits).toBeGreaterThan(0);
  });
});

describe('expiry', () => {
  it('an uncommitted transaction is rolled back after its lifetime; waiting writes then proceed', async () => {
    const abandoned = await db.startTransaction();
    await write(abandoned, 'x', 99);
    const waiting = write(db, 'x', 7);
    await new Promise((resolve) => setTimeout(resolve, LIFETIME_MS + 50));
    await waiting;
    expect(await read(db, 'x')).toBe(7);
    await expect(abandoned.commit()).rejects.toMatchObject({
      message: expect.stringMatching(new RegExp(`expired after ${LIFETIME_MS}ms`)),
    });
    expect(local.stats.expired).toBe(1);
  });
});

describe('requests interleave', () => {
  it('every request yields: two concurrent callers take turns request by request', async () => {
    const trace: string[] = [];
    const worker = async (name: string) => {
      for (let i = 0; i < 3; i += 1) {
        await read(db, 'x');
        trace.push(name);
      }
    };
    await Promise.all([worker('a'), worker('b')]);
    expect(trace).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('with a latency, a round trip takes about that long', async () => {
    const slow = openLocalDatabase({ file: ':memory:', latencyMs: 20 });
    installStandIn(slow);
    try {
      const started = Date.now();
      for (let i = 0; i < 5; i += 1) await call(db.collection('docs').where({}).get());
      const perRequest = (Date.now() - started) / 5;
      expect(perRequest).toBeGreaterThanOrEqual(9); // mean 20 ms, each half jittered ×0.5–×1.5
    } finally {
      slow.close();
      installStandIn(local);
    }
  });
});

describe('backup', () => {
  it('copies the committed state while the database is in use', async () => {
    const file = join(tmpdir(), `standin-backup-${process.pid}.db`);
    const tx = await db.startTransaction();
    await write(tx, 'x', 42); // not committed: not in the copy
    await local.backup(file);
    await tx.rollback();
    const copy = openLocalDatabase({ file });
    installStandIn(copy);
    try {
      expect(await read(db, 'x')).toBe(1);
      expect((await call(db.collection('docs').count())).total).toBe(2);
    } finally {
      copy.close();
      installStandIn(local);
      rmSync(file, { force: true });
    }
  });
});
