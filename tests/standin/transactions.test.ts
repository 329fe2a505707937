import { call, rejectionOf, startLocalCloud, type Transaction } from './harness';

const LOCK_TIMEOUT_MS = 300;
const { local, db } = startLocalCloud({ lockTimeoutMs: LOCK_TIMEOUT_MS });
const _ = db.command;
afterAll(() => local.close());

beforeEach(async () => {
  local.clear();
  await call(db.collection('accounts').add({ data: { _id: 'a', balance: 100 } }));
  await call(db.collection('accounts').add({ data: { _id: 'b', balance: 0 } }));
});

async function balance(id: string): Promise<number> {
  return (await call(db.collection('accounts').doc(id).get())).data.balance;
}

class InsufficientFunds extends Error {
  readonly code = 'INSUFFICIENT_FUNDS';
}

describe('runTransaction', () => {
  it('commits all writes and returns the callback result', async () => {
    const result = await db.runTransaction(async (tx: Transaction) => {
      const { data } = await call(tx.collection('accounts').doc('a').get());
      await call(
        tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: data.balance - 30 } }),
      );
      await call(
        tx
          .collection('accounts')
          .doc('b')
          .update({ data: { balance: _.inc(30) } }),
      );
      await call(tx.collection('ledger').add({ data: { from: 'a', to: 'b', amount: 30 } }));
      return 'done';
    });
    expect(result).toBe('done');
    expect([await balance('a'), await balance('b')]).toEqual([70, 30]);
    expect((await call(db.collection('ledger').count())).total).toBe(1);
  });

  it("reads inside see the transaction's own writes; reads outside see only committed data", async () => {
    let outsideDuring: number | undefined;
    await db.runTransaction(async (tx: Transaction) => {
      await call(
        tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 1 } }),
      );
      expect((await call(tx.collection('accounts').doc('a').get())).data.balance).toBe(1);
      outsideDuring = await balance('a');
    });
    expect(outsideDuring).toBe(100);
    expect(await balance('a')).toBe(1);
  });

  it('rolls back every write when the callback throws, and rethrows the very same error', async () => {
    const thrown = new InsufficientFunds('balance too low');
    const error = await rejectionOf(
      db.runTransaction(async (tx: Transaction) => {
        await call(
          tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: _.inc(-500) } }),
        );
        await call(
          tx
            .collection('accounts')
            .doc('c')
            .set({ data: { balance: 1 } }),
        );
        await call(tx.collection('ledger').add({ data: { amount: 500 } }));
        throw thrown;
      }),
    );
    expect(error).toBe(thrown);
    expect((error as InsufficientFunds).code).toBe('INSUFFICIENT_FUNDS');
    expect(await balance('a')).toBe(100);
    expect((await call(db.collection('accounts').count())).total).toBe(2);
    expect((await call(db.collection('ledger').count())).total).toBe(0);
  });

  it('tx.rollback(reason) rolls back and rejects with the reason', async () => {
    const error = await rejectionOf(
      db.runTransaction(async (tx: Transaction) => {
        await call(
          tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 0 } }),
        );
        await tx.rollback('not today');
      }),
    );
    expect(error).toBe('not today');
    expect(await balance('a')).toBe(100);
  });

  it('tx doc().get() of a missing document rejects (and the transaction rolls back)', async () => {
    const error = await rejectionOf(
      db.runTransaction(async (tx: Transaction) => {
        await call(
          tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 0 } }),
        );
        await call(tx.collection('accounts').doc('ghost').get());
      }),
    );
    expect(String(error)).toMatch(/document with _id ghost does not exist/);
    expect(await balance('a')).toBe(100);
  });
});

describe('startTransaction', () => {
  it('commit() publishes, rollback() discards', async () => {
    const kept = await db.startTransaction();
    await call(
      kept
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } }),
    );
    await kept.commit();
    expect(await balance('a')).toBe(1);

    const dropped = await db.startTransaction();
    await call(
      dropped
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 2 } }),
    );
    await dropped.rollback();
    expect(await balance('a')).toBe(1);
  });

  it('a write outside a transaction waits for the lock on a document the transaction wrote, and only for that', async () => {
    const tx = await db.startTransaction();
    await call(
      tx
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 0 } }),
    );
    // Another document: no lock, so it lands at once.
    await call(
      db
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: _.inc(5) } }),
    );
    expect(await balance('b')).toBe(5);
    // The locked one: it waits for the transaction, then applies on top of what it left.
    let landed = false;
    const outsideWrite = call(
      db
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: _.inc(7) } }),
    ).then(() => (landed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(landed).toBe(false);
    expect(await balance('a')).toBe(100);
    await tx.rollback();
    await outsideWrite;
    expect([await balance('a'), await balance('b')]).toEqual([107, 5]);
  });

  it('requests naming a finished transaction fail', async () => {
    const tx = await db.startTransaction();
    await tx.commit();
    await expect(call(tx.collection('accounts').doc('a').get())).rejects.toThrow(/is not open/);
  });
});

describe('inside a transaction only single-document operations are allowed', () => {
  const refused = /\[standin\] .* was called on a transaction .*refuses it/;

  it.each([
    ['where().get()', (tx: Transaction) => call(tx.collection('accounts').where({ balance: 100 }).get())],
    ['collection get()', (tx: Transaction) => call(tx.collection('accounts').get())],
    [
      'where().update()',
      (tx: Transaction) =>
        call(
          tx
            .collection('accounts')
            .where({})
            .update({ data: { balance: 0 } }),
        ),
    ],
    ['where().remove()', (tx: Transaction) => call(tx.collection('accounts').where({ balance: 0 }).remove())],
    ['count()', (tx: Transaction) => call(tx.collection('accounts').count())],
    ['aggregate()', (tx: Transaction) => call(tx.collection('accounts').aggregate().end())],
  ])('%s fails loudly and the transaction rolls back', async (_label, operation) => {
    const error = await rejectionOf(
      db.runTransaction(async (tx: Transaction) => {
        await call(
          tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 0 } }),
        );
        await operation(tx);
      }),
    );
    expect(String(error)).toMatch(refused);
    expect(await balance('a')).toBe(100);
    expect(await balance('b')).toBe(0);
  });

  it('the same calls on db are fine', async () => {
    expect((await call(db.collection('accounts').where({ balance: 100 }).get())).data).toHaveLength(1);
    expect((await call(db.collection('accounts').count())).total).toBe(2);
  });
});

describe('self-deadlock is reported, not hung', () => {
  it('a write on db to a document the transaction holds fails naming the likely cause', async () => {
    const error = await rejectionOf(
      db.runTransaction(async (tx: Transaction) => {
        await call(
          tx
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 0 } }),
        );
        await call(
          db
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 1 } }),
        );
      }, 0),
    );
    expect(String(error)).toMatch(
      new RegExp(
        `waited ${LOCK_TIMEOUT_MS}ms for the lock on accounts/a.*issued on \`db\` instead of on the transaction`,
      ),
    );
    expect([await balance('a'), await balance('b')]).toEqual([100, 0]);
  });

  it('a nested runTransaction is a transaction of its own: writing what the outer one holds conflicts', async () => {
    const error = await rejectionOf(
      db.runTransaction(async (outer: Transaction) => {
        await call(
          outer
            .collection('accounts')
            .doc('a')
            .update({ data: { balance: 1 } }),
        );
        await db.runTransaction(async (inner: Transaction) => {
          await call(
            inner
              .collection('accounts')
              .doc('a')
              .update({ data: { balance: 2 } }),
          );
        }, 0);
      }, 0),
    );
    expect(String(error)).toMatch(/TransactionConflict/);
    expect(await balance('a')).toBe(100);
  });
});
