import { call, rejectionOf, startLocalCloud } from './harness';

const { local, db } = startLocalCloud();
afterAll(() => local.close());
beforeEach(() => local.clear());

const sample = {
  title: '微心愿',
  int: 42,
  negative: -7,
  float: 0.1 + 0.2,
  big: 2 ** 40,
  yes: true,
  no: false,
  nothing: null,
  tags: ['a', 'b'],
  nested: { level: { deep: [1, { x: 'y' }] } },
  emptyObject: {},
  emptyArray: [],
  at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
};

describe('documents round-trip through the real SDK', () => {
  it('add without _id generates a 32-hex id and get returns every value as written', async () => {
    const added = await call(db.collection('wishes').add({ data: sample }));
    const id = (added as { _id: string })._id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    const { data } = await call(db.collection('wishes').doc(id).get());
    expect(data).toEqual({ _id: id, ...sample });
    expect(data.at).toBeInstanceOf(Date);
  });

  it('add with an explicit _id keeps it; a second add with the same _id fails like CloudBase', async () => {
    await call(db.collection('users').add({ data: { _id: 'u1', name: 'A' } }));
    const error = await rejectionOf(call(db.collection('users').add({ data: { _id: 'u1', name: 'B' } })));
    expect(String(error)).toMatch(/collection\.add:fail -502001 .*E11000 duplicate key error .*u1/);
    const { data } = await call(db.collection('users').doc('u1').get());
    expect(data.name).toBe('A');
  });

  it('a batch add is all-or-nothing when one _id is taken', async () => {
    await call(db.collection('users').add({ data: { _id: 'taken' } }));
    // The SDK accepts an array (one insertDocument request); wx-server-sdk's typings do not say so.
    const batch = [{ _id: 'fresh' }, { _id: 'taken' }] as unknown as { _id: string };
    expect(String(await rejectionOf(call(db.collection('users').add({ data: batch }))))).toMatch(
      /duplicate key/,
    );
    expect((await call(db.collection('users').count())).total).toBe(1);
  });

  it('set upserts: creates a missing document, then replaces it whole', async () => {
    const created = await call(
      db
        .collection('users')
        .doc('u2')
        .set({ data: { name: 'A', age: 3 } }),
    );
    expect(created).toMatchObject({ _id: 'u2', stats: { updated: 0, created: 1 } });

    const replaced = await call(
      db
        .collection('users')
        .doc('u2')
        .set({ data: { name: 'B' } }),
    );
    expect(replaced).toMatchObject({ stats: { updated: 1, created: 0 } });
    expect((await call(db.collection('users').doc('u2').get())).data).toEqual({
      _id: 'u2',
      name: 'B',
    });
  });

  it('update changes only the given fields; remove deletes', async () => {
    await call(
      db
        .collection('users')
        .doc('u3')
        .set({ data: { name: 'A', profile: { city: 'X', zip: '1' } } }),
    );
    const updated = await call(
      db
        .collection('users')
        .doc('u3')
        .update({ data: { profile: { city: 'Y' } } }),
    );
    expect(updated.stats.updated).toBe(1);
    expect((await call(db.collection('users').doc('u3').get())).data).toEqual({
      _id: 'u3',
      name: 'A',
      profile: { city: 'Y', zip: '1' },
    });

    const removed = await call(db.collection('users').doc('u3').remove({}));
    expect(removed.stats.removed).toBe(1);
    expect((await call(db.collection('users').count())).total).toBe(0);
  });

  it('serverDate is stamped by the server', async () => {
    const before = Date.now();
    await call(
      db
        .collection('logs')
        .doc('l1')
        .set({ data: { at: db.serverDate() } }),
    );
    const { data } = await call(db.collection('logs').doc('l1').get());
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('createCollection', () => {
  it('creates an empty collection once; creating it again fails', async () => {
    await db.createCollection('fresh');
    expect((await call(db.collection('fresh').count())).total).toBe(0);
    await expect(db.createCollection('fresh')).rejects.toThrow(/already exists/);
  });
});

describe('missing documents behave as with CloudBase', () => {
  it('doc().get() rejects with wx-server-sdk\'s "does not exist" error', async () => {
    const error = await rejectionOf(call(db.collection('users').doc('ghost').get()));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('document.get:fail document with _id ghost does not exist');
  });

  it('doc().update() and doc().remove() report zero instead of failing', async () => {
    expect(
      (
        await call(
          db
            .collection('users')
            .doc('ghost')
            .update({ data: { a: 1 } }),
        )
      ).stats.updated,
    ).toBe(0);
    expect((await call(db.collection('users').doc('ghost').remove({}))).stats.removed).toBe(0);
  });

  it('a collection never written to reads as empty', async () => {
    expect((await call(db.collection('never').get())).data).toEqual([]);
    expect((await call(db.collection('never').count())).total).toBe(0);
  });
});
