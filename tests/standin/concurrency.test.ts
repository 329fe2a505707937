import { call, range, retrying, startLocalCloud, type Transaction } from './harness';

const { local, db } = startLocalCloud({ latencyMs: 1 });
const _ = db.command;
afterAll(() => local.close());
beforeEach(() => local.clear());

describe('concurrent callers', () => {
  it('200 concurrent transactional purchases against stock 100 sell exactly 100 (conflicts re-run)', async () => {
    await call(
      db
        .collection('goods')
        .doc('mooncake')
        .set({ data: { stock: 100 } }),
    );

    local.resetStats();
    const purchase = (buyer: number): Promise<boolean> =>
      retrying(db, async (tx: Transaction) => {
        const { data } = await call(tx.collection('goods').doc('mooncake').get());
        if (data.stock <= 0) return false;
        await call(
          tx
            .collection('goods')
            .doc('mooncake')
            .update({ data: { stock: _.inc(-1) } }),
        );
        await call(tx.collection('orders').add({ data: { buyer, item: 'mooncake' } }));
        return true;
      });

    const outcomes = await Promise.all(range(200).map(purchase));

    expect(outcomes.filter(Boolean)).toHaveLength(100);
    expect((await call(db.collection('orders').count())).total).toBe(100);
    expect((await call(db.collection('goods').doc('mooncake').get())).data.stock).toBe(0);
    const buyers = (await call(db.collection('orders').limit(1000).get())).data.map((order) => order.buyer);
    expect(new Set(buyers).size).toBe(100);
    // They really did run at once: the stock document was contended.
    expect(local.stats.conflicts).toBeGreaterThan(0);
  });

  it('100 concurrent non-transactional _.inc(1) add exactly 100', async () => {
    await call(
      db
        .collection('counters')
        .doc('likes')
        .set({ data: { n: 7 } }),
    );
    await Promise.all(
      range(100).map(() =>
        call(
          db
            .collection('counters')
            .doc('likes')
            .update({ data: { n: _.inc(1) } }),
        ),
      ),
    );
    expect((await call(db.collection('counters').doc('likes').get())).data.n).toBe(107);
  });

  it('non-transactional writes interleaved with transactions all land exactly once', async () => {
    await call(
      db
        .collection('counters')
        .doc('mixed')
        .set({ data: { n: 0 } }),
    );
    const viaTransaction = (): Promise<unknown> =>
      retrying(db, async (tx: Transaction) => {
        const { data } = await call(tx.collection('counters').doc('mixed').get());
        await call(
          tx
            .collection('counters')
            .doc('mixed')
            .update({ data: { n: data.n + 1 } }),
        );
      });
    const direct = (): Promise<unknown> =>
      call(
        db
          .collection('counters')
          .doc('mixed')
          .update({ data: { n: _.inc(1) } }),
      );

    await Promise.all(range(100).map((i) => (i % 2 === 0 ? viaTransaction() : direct())));
    expect((await call(db.collection('counters').doc('mixed').get())).data.n).toBe(100);
  });
});
