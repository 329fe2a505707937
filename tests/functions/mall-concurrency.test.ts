/** Stock, limits and balances under concurrent redemptions. */
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, all, createGoods, expectConsistent, givePoints } from '../support/mall';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff']);
});
afterEach(() => cloud.close());

test('500 residents redeem goods with stock 10 at once: exactly 10 orders, stock 0', async () => {
  const goods = await createGoods(cloud, { price: 30, initialStock: 10, perOrderLimit: 1, perMonthLimit: 1 });
  const buyers = Array.from({ length: 500 }, (_, i) => `wx-buyer-${i}`);
  for (const openid of buyers) await givePoints(cloud, await cloud.addUser(openid), 40);

  const results = await Promise.all(
    buyers.map((openid, i) =>
      cloud.call(openid, 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 1,
        requestId: `burst-${i}-request`,
      }),
    ),
  );

  expect(results.filter((r) => r.ok)).toHaveLength(10);
  expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.code))).toEqual(
    new Set(['OUT_OF_STOCK']),
  );
  expect((await all.goods(cloud))[0].stock).toBe(0);
  expect(await all.orders(cloud)).toHaveLength(10);
  const accounts = await all.accounts(cloud);
  expect(accounts.filter((a) => a.balance === 10)).toHaveLength(10);
  expect(accounts.filter((a) => a.balance === 40)).toHaveLength(490);
  await expectConsistent(cloud);
}, 60_000);

test('one resident fires 20 redemptions at once against a limit of 2: exactly 2', async () => {
  const goods = await createGoods(cloud, {
    price: 10,
    initialStock: 100,
    perOrderLimit: 1,
    perMonthLimit: 2,
  });
  await givePoints(cloud, await cloud.addUser('wx-eager'), 1000);

  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      cloud.call('wx-eager', 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 1,
        requestId: `eager-${i}-tap`,
      }),
    ),
  );

  expect(results.filter((r) => r.ok)).toHaveLength(2);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'OVER_LIMIT')).toBe(true);
  expect((await all.goods(cloud))[0].stock).toBe(98);
  await expectConsistent(cloud);
});

test('concurrent cancellations of one order refund it once', async () => {
  const goods = await createGoods(cloud, { price: 10, initialStock: 5 });
  await givePoints(cloud, await cloud.addUser('wx-undecided'), 100);
  const order = await cloud.ok('wx-undecided', 'mall', 'redeem', {
    goodsId: goods.id,
    quantity: 1,
    requestId: 'undecided-1',
  });
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      cloud.call('wx-undecided', 'mall', 'cancelOrder', { orderId: order.id }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect((await cloud.ok('wx-undecided', 'points', 'myAccount', {})).balance).toBe(100);
  await expectConsistent(cloud);
});

test('the same request retried concurrently creates one order', async () => {
  const goods = await createGoods(cloud, { price: 10, initialStock: 5 });
  await givePoints(cloud, await cloud.addUser('wx-retry'), 100);
  const results = await Promise.all(
    Array.from({ length: 8 }, () =>
      cloud.ok('wx-retry', 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 1,
        requestId: 'flaky-network-1',
      }),
    ),
  );
  expect(new Set(results.map((r) => r.id)).size).toBe(1);
  expect(await all.orders(cloud)).toHaveLength(1);
  expect((await cloud.ok('wx-retry', 'points', 'myAccount', {})).balance).toBe(90);
});
