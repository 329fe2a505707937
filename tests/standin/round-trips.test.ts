/**
 * How many requests CloudBase receives for common operations. The numbers are what the
 * real SDK sends (counted at `send()`), so they are the production round trips too.
 */
import { call, startLocalCloud, type Transaction } from './harness';

const { local, db } = startLocalCloud();
const _ = db.command;
afterAll(() => local.close());

beforeEach(async () => {
  local.clear();
  await call(
    db
      .collection('items')
      .doc('i1')
      .set({ data: { n: 1 } }),
  );
  local.resetStats();
});

it.each([
  ['doc().get()', () => call(db.collection('items').doc('i1').get()), { 'database.getDocument': 1 }],
  [
    'where().orderBy().limit().get()',
    () => call(db.collection('items').where({ n: 1 }).orderBy('n', 'asc').limit(5).get()),
    { 'database.getDocument': 1 },
  ],
  ['count()', () => call(db.collection('items').count()), { 'database.calculateDocument': 1 }],
  ['add()', () => call(db.collection('items').add({ data: { n: 2 } })), { 'database.insertDocument': 1 }],
  [
    'doc().set()',
    () =>
      call(
        db
          .collection('items')
          .doc('i2')
          .set({ data: { n: 2 } }),
      ),
    { 'database.modifyDocument': 1 },
  ],
  [
    'doc().update()',
    () =>
      call(
        db
          .collection('items')
          .doc('i1')
          .update({ data: { n: _.inc(1) } }),
      ),
    { 'database.modifyDocument': 1 },
  ],
  [
    'where().update()',
    () =>
      call(
        db
          .collection('items')
          .where({ n: 1 })
          .update({ data: { n: 2 } }),
      ),
    { 'database.modifyDocument': 1 },
  ],
  [
    'doc().remove()',
    () => call(db.collection('items').doc('i1').remove({})),
    { 'database.removeDocument': 1 },
  ],
  [
    'aggregate().group().end()',
    () =>
      call(
        db
          .collection('items')
          .aggregate()
          .group({ _id: null, s: _.aggregate.sum('$n') })
          .end(),
      ),
    { 'database.aggregateDocuments': 1 },
  ],
])('%s is one round trip', async (_label, operation, byApi) => {
  await operation();
  expect(local.stats.roundTrips).toBe(1);
  expect(local.stats.byApi).toEqual(byApi);
});

it('runTransaction with one get and one update is 4 round trips: start, get, update, commit', async () => {
  await db.runTransaction(async (tx: Transaction) => {
    const { data } = await call(tx.collection('items').doc('i1').get());
    await call(
      tx
        .collection('items')
        .doc('i1')
        .update({ data: { n: data.n + 1 } }),
    );
  });
  expect(local.stats.roundTrips).toBe(4);
  expect(local.stats.byApi).toEqual({
    'database.startTransaction': 1,
    'database.getDocument': 1,
    'database.modifyDocument': 1,
    'database.commitTransaction': 1,
  });
});

it('a runTransaction whose callback throws after one get is 3 round trips: start, get, abort', async () => {
  await expect(
    db.runTransaction(async (tx: Transaction) => {
      await call(tx.collection('items').doc('i1').get());
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect(local.stats.byApi).toEqual({
    'database.startTransaction': 1,
    'database.getDocument': 1,
    'database.abortTransaction': 1,
  });
});
