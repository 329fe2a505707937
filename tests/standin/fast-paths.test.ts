/**
 * The shortcuts the stand-in takes for speed must answer exactly as the general path:
 * `doc(id)` requests skip mingo, tables are found missing by SQLite itself, and a
 * top-level `$set` is applied without mingo's update machinery.
 */
import fc from 'fast-check';
import { update } from 'mingo';
import { decodeData, type Document, fromStorage, toStorage, toWire } from '../../server/standin/codec';
import { applyModifier } from '../../server/standin/matching';
import { call, rejectionOf, startLocalCloud, type Transaction } from './harness';

const { local, db } = startLocalCloud();
afterAll(() => local.close());
beforeEach(() => local.clear());

/** wx-server-sdk's doc().get() resolves to the document, or rejects when there is none. */
async function read(collection: string, id: string | number): Promise<unknown> {
  try {
    return (await call(db.collection(collection).doc(id).get())).data;
  } catch (error) {
    if (/does not exist/.test((error as Error).message)) return 'missing';
    throw error;
  }
}

describe('doc(id) requests', () => {
  it("doc(5) and doc('5') share a row, but only the stored type matches", async () => {
    await call(
      db
        .collection('keys')
        .doc('5')
        .set({ data: { n: 1 } }),
    );
    expect(await read('keys', 5)).toBe('missing');
    expect(await read('keys', '5')).toEqual({ _id: '5', n: 1 });
    expect(
      (
        await call(
          db
            .collection('keys')
            .doc(5)
            .update({ data: { n: 2 } }),
        )
      ).stats.updated,
    ).toBe(0);
    expect((await call(db.collection('keys').doc(5).remove({}))).stats.removed).toBe(0);
    expect(await call(db.collection('keys').where({ _id: 5 }).count())).toMatchObject({ total: 0 });
    // set() replaces the row keyed "5"; the stored _id takes the new type.
    expect(
      await call(
        db
          .collection('keys')
          .doc(5)
          .set({ data: { n: 3 } }),
      ),
    ).toMatchObject({
      _id: 5,
      stats: { updated: 0, created: 1 },
    });
    expect(await read('keys', 5)).toEqual({ _id: 5, n: 3 });
    expect((await call(db.collection('keys').get())).data).toEqual([{ _id: 5, n: 3 }]);
  });

  it('a projection still applies to a doc(id) read', async () => {
    await call(db.collection('keys').add({ data: { _id: 'a', n: 1, m: 2 } }));
    const { data } = await call(db.collection('keys').doc('a').field({ m: true }).get());
    expect(data).toEqual({ _id: 'a', m: 2 });
  });
});

describe('collections that do not exist (any more)', () => {
  it('a never-written collection reads as empty, inside and outside a transaction', async () => {
    expect(await read('nothing', 'x')).toBe('missing');
    expect((await call(db.collection('nothing').where({ _id: 'x' }).get())).data).toEqual([]);
    expect(await call(db.collection('nothing').count())).toMatchObject({ total: 0 });
    await db.runTransaction(async (tx: Transaction) => {
      expect(
        (
          await call(
            tx
              .collection('nothing')
              .doc('x')
              .update({ data: { n: 1 } }),
          )
        ).stats.updated,
      ).toBe(0);
      expect((await call(tx.collection('nothing').doc('x').remove({}))).stats.removed).toBe(0);
    });
  });

  it('a collection created in a rolled-back transaction is gone, and the next write creates it again', async () => {
    const failure = new Error('roll back');
    const error = await rejectionOf(
      db.runTransaction(async (tx: Transaction) => {
        await call(
          tx
            .collection('fresh')
            .doc('a')
            .set({ data: { n: 1 } }),
        );
        expect((await call(tx.collection('fresh').doc('a').get())).data).toEqual({ _id: 'a', n: 1 });
        throw failure;
      }),
    );
    expect(error).toBe(failure);
    expect(await read('fresh', 'a')).toBe('missing');
    await call(
      db
        .collection('fresh')
        .doc('a')
        .set({ data: { n: 2 } }),
    );
    expect(await read('fresh', 'a')).toEqual({ _id: 'a', n: 2 });
  });

  it('clear() drops tables under statements already prepared for them', async () => {
    await call(db.collection('gone').add({ data: { _id: 'a', n: 1 } }));
    expect(await read('gone', 'a')).toEqual({ _id: 'a', n: 1 });
    local.clear();
    expect(await read('gone', 'a')).toBe('missing');
    expect((await call(db.collection('gone').get())).data).toEqual([]);
    await call(db.collection('gone').add({ data: { _id: 'a', n: 2 } }));
    expect(await read('gone', 'a')).toEqual({ _id: 'a', n: 2 });
  });
});

describe('a top-level $set', () => {
  // Inputs as the stand-in gets them: documents read back from storage, modifiers decoded
  // from the SDK's canonical EJSON. (Each call builds a fresh copy.)
  const stored = (doc: Document): Document => fromStorage(toStorage(doc));
  const sent = (modifier: Document): Document => decodeData(toWire(modifier)) as Document;

  const value = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  // Plain names, and the ones the shortcut must leave to mingo.
  const field = fc.constantFrom('a', 'b', 'c', 'd', '_id', 'a.b', 'b.0', '$x', 'a.$[]', '__proto__');

  /** A document, and a modifier that sometimes repeats the document's own values. */
  const scenario = fc
    .tuple(
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { maxKeys: 3 }),
      fc.array(fc.tuple(field, value, fc.boolean()), { maxLength: 4 }),
    )
    .map(([fields, sets]) => {
      const doc: Document = { _id: 'id', ...fields };
      // fromEntries, because assigning to `__proto__` would not add a field.
      const set = Object.fromEntries(sets.map(([name, fresh, reuse]) => [name, reuse ? doc[name] : fresh]));
      return { doc, set };
    });

  /** A modifier that only repeats the document's own values: nothing changes. */
  const repeat = fc
    .tuple(
      fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { minKeys: 1, maxKeys: 3 }),
      fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    )
    .map(([fields, names]) => {
      const doc: Document = { _id: 'id', ...fields };
      const set = Object.fromEntries(names.filter((name) => name in doc).map((name) => [name, doc[name]]));
      return { doc, set };
    });

  /** mingo's own update(), as the stand-in ran every modifier before the shortcut. */
  function viaMingo(doc: Document, modifier: Document) {
    try {
      return { changed: update(doc, modifier, undefined, undefined, { cloneMode: 'deep' }).length > 0 };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  function viaStandIn(doc: Document, modifier: Document) {
    try {
      return { changed: applyModifier(doc, modifier) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  it('changes the same documents in the same way as mingo', () => {
    fc.assert(
      fc.property(fc.oneof(scenario, repeat), ({ doc, set }) => {
        const expected = stored(doc);
        const actual = stored(doc);
        const modifier = { $set: set };
        expect(viaStandIn(actual, sent(modifier))).toEqual(viaMingo(expected, sent(modifier)));
        expect(toStorage(actual)).toBe(toStorage(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not share values with the modifier', () => {
    const doc = { _id: 'id', list: [1] };
    const modifier = { $set: { list: [2], nested: { n: 1 } } };
    expect(applyModifier(doc, modifier)).toBe(true);
    modifier.$set.list.push(3);
    modifier.$set.nested.n = 2;
    expect(doc).toEqual({ _id: 'id', list: [2], nested: { n: 1 } });
  });
});
