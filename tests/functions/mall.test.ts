import { pickupDeadline } from '../../core/domain/mall';
import { DAY_MS, formatStamp } from '../../core/time';
import { expireOrders } from '../../cloudfunctions/mall/jobs';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { ORDERS } from '../../cloudfunctions/mall/store';
import { ENTRIES } from '../../cloudfunctions/points/ledger';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, createGoods, expectConsistent, givePoints } from '../support/mall';

let cloud: TestCloud;
let liId: string;

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  liId = await cloud.addUser('wx-li', ['volunteer'], '李志愿');
  await givePoints(cloud, liId, 200);
  cloud.clock.advance(60_000);
});
afterEach(() => cloud.close());

const redeem = (
  goodsId: string,
  quantity = 1,
  requestId = `req-${Math.random().toString(36).slice(2, 12)}`,
) => cloud.call('wx-li', 'mall', 'redeem', { goodsId, quantity, requestId });

describe('redeem', () => {
  test('debits points, takes stock, creates an order with a pickup code', async () => {
    const goods = await createGoods(cloud);
    const res = await redeem(goods.id, 2, 'first-redeem');
    if (!res.ok) throw new Error(res.message);
    expect(res.data).toMatchObject({
      status: 'awaiting_pickup',
      quantity: 2,
      points: 100,
      goodsName: '大米5kg',
    });
    expect(res.data.pickupCode).toMatch(/^[A-Z2-8]{8}$/);
    // Until the end of the seventh day after (community time), not the same minute a week later.
    expect(res.data.expiresAt).toBe(pickupDeadline(cloud.clock.now(), 7));
    expect(formatStamp(res.data.expiresAt)).toBe(
      `${formatStamp(cloud.clock.now() + 7 * DAY_MS).slice(0, 10)} 23:59`,
    );
    expect(await cloud.ok('wx-li', 'points', 'myAccount', {})).toEqual({
      balance: 100,
      earned: 200,
      opening: 0,
      spent: 100,
      hideFromRankings: false,
    });
    const detail = await cloud.ok('wx-li', 'mall', 'getGoods', { goodsId: goods.id });
    expect(detail).toMatchObject({ usedThisMonth: 2, balance: 100, goods: { stock: 8 } });
    const history = await cloud.ok('wx-li', 'points', 'myHistory', {});
    expect(history.items[0]).toMatchObject({
      kind: 'redeem',
      amount: -100,
      description: '兑换：大米5kg ×2',
      balanceAfter: 100,
    });
    await expectConsistent(cloud);
  });

  test('each refusal has its own code and Chinese message, and writes nothing', async () => {
    const goods = await createGoods(cloud, {
      price: 80,
      perOrderLimit: 2,
      perMonthLimit: 3,
      initialStock: 4,
    });
    expect(await redeem(goods.id, 3)).toMatchObject({ code: 'OVER_LIMIT', message: '每单限兑2件' });
    expect(await redeem(goods.id, 2)).toMatchObject({ ok: true });
    expect(await redeem(goods.id, 2)).toMatchObject({
      code: 'OVER_LIMIT',
      message: '每月限兑3件，本月还可兑1件',
    });
    expect(await redeem(goods.id, 1)).toMatchObject({
      code: 'POINTS_INSUFFICIENT',
      message: '积分不足：需要80分，当前40分',
    });
    await givePoints(cloud, liId, 500);
    expect(await redeem(goods.id, 1)).toMatchObject({ ok: true });
    const zhao = await cloud.addUser('wx-zhao');
    await givePoints(cloud, zhao, 500);
    const tooMany = await cloud.call('wx-zhao', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 2,
      requestId: 'zhao-0001',
    });
    expect(tooMany).toMatchObject({ code: 'OUT_OF_STOCK', message: '库存仅剩1件' });
    expect(
      await cloud.call('wx-zhao', 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 1,
        requestId: 'zhao-0002',
      }),
    ).toMatchObject({ ok: true });
    const soldOut = await cloud.call('wx-zhao', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'zhao-0003',
    });
    expect(soldOut).toMatchObject({ code: 'OUT_OF_STOCK', message: '已兑完' });
    await cloud.ok(STAFF, 'mall', 'setShelf', { goodsId: goods.id, onShelf: false });
    expect(await redeem(goods.id, 1)).toMatchObject({ code: 'OFF_SHELF', message: '该物品已下架' });
    expect(
      await cloud.call('wx-li', 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 0,
        requestId: 'bad-qty-01',
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await cloud.count(ORDERS)).toBe(3);
    await expectConsistent(cloud);
  });

  test('a retry with the same request id returns the same order; other input with it is refused', async () => {
    const goods = await createGoods(cloud);
    const first = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'tap-123456',
    });
    const again = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'tap-123456',
    });
    expect(again).toEqual(first);
    expect(
      await cloud.call('wx-li', 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 2,
        requestId: 'tap-123456',
      }),
    ).toMatchObject({
      code: 'REQUEST_REUSED',
    });
    expect(await cloud.count(ORDERS)).toBe(1);
    expect((await cloud.ok('wx-li', 'points', 'myAccount', {})).balance).toBe(150);
  });

  test('the goods page is told how many the resident may take and, if none, why', async () => {
    const goods = await createGoods(cloud, {
      price: 50,
      perOrderLimit: 2,
      perMonthLimit: 3,
      initialStock: 10,
    });
    const allowance = async () =>
      (await cloud.ok('wx-li', 'mall', 'getGoods', { goodsId: goods.id })).allowance;
    // 200 points would buy four; one order may take two.
    expect(await allowance()).toEqual({ max: 2, monthLeft: 3, blocked: '' });
    expect((await redeem(goods.id, 2)).ok).toBe(true);
    expect(await allowance()).toEqual({ max: 1, monthLeft: 1, blocked: '' });
    expect((await redeem(goods.id, 1)).ok).toBe(true);
    expect(await allowance()).toEqual({ max: 0, monthLeft: 0, blocked: '本月已达限兑' });
  });
});

describe('cancel, pickup and expiry', () => {
  test('the resident cancels before pickup: refunded and restocked once', async () => {
    const goods = await createGoods(cloud);
    const order = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 2,
      requestId: 'cancel-me-1',
    });
    const cancelled = await cloud.ok('wx-li', 'mall', 'cancelOrder', { orderId: order.id });
    expect(cancelled.status).toBe('cancelled');
    expect(await cloud.call('wx-li', 'mall', 'cancelOrder', { orderId: order.id })).toMatchObject({
      code: 'ORDER_NOT_CANCELLABLE',
    });
    expect((await cloud.ok('wx-li', 'points', 'myAccount', {})).balance).toBe(200);
    const detail = await cloud.ok('wx-li', 'mall', 'getGoods', { goodsId: goods.id });
    expect(detail).toMatchObject({ usedThisMonth: 0, goods: { stock: 10 } });
    const history = await cloud.ok('wx-li', 'points', 'myHistory', {});
    expect(history.items.map((e) => e.description)).toContain('退回：取消兑换 大米5kg ×2');
    await expectConsistent(cloud);
  });

  test('only the owner may cancel', async () => {
    const goods = await createGoods(cloud);
    const order = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'mine-00001',
    });
    await cloud.addUser('wx-other');
    expect(await cloud.call('wx-other', 'mall', 'cancelOrder', { orderId: order.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.call('wx-other', 'mall', 'getOrder', { orderId: order.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('staff 核销 by code (typed loosely or scanned), once; the resident can no longer cancel', async () => {
    const goods = await createGoods(cloud);
    const order = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'pickup-0001',
    });
    const typed = `${order.pickupCode.slice(0, 4).toLowerCase()}-${order.pickupCode.slice(4)}`;
    expect(await cloud.ok(STAFF, 'mall', 'lookupPickup', { code: typed })).toMatchObject({
      id: order.id,
      userName: '李志愿',
    });
    const picked = await cloud.ok(STAFF, 'mall', 'verifyPickup', { code: `llt:pickup:${order.pickupCode}` });
    expect(picked).toMatchObject({ status: 'picked_up', closedAt: cloud.clock.now() });
    expect(await cloud.call(STAFF, 'mall', 'verifyPickup', { code: order.pickupCode })).toMatchObject({
      code: 'ORDER_NOT_PICKABLE',
    });
    expect(await cloud.call('wx-li', 'mall', 'cancelOrder', { orderId: order.id })).toMatchObject({
      code: 'ORDER_NOT_CANCELLABLE',
    });
    expect(await cloud.call(STAFF, 'mall', 'verifyPickup', { code: 'ZZZZZZZZ' })).toMatchObject({
      code: 'PICKUP_CODE_UNKNOWN',
    });
    expect(await cloud.call('wx-li', 'mall', 'verifyPickup', { code: order.pickupCode })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await cloud.count(AUDIT, { action: 'mall.pickup', targetId: order.id })).toBe(1);
    await expectConsistent(cloud);
  });

  test('concurrent 核销 of one order hands it over once', async () => {
    const goods = await createGoods(cloud);
    const order = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'race-pick-1',
    });
    await cloud.addUser('wx-staff-2', ['staff']);
    const results = await Promise.all([
      cloud.call(STAFF, 'mall', 'verifyPickup', { code: order.pickupCode }),
      cloud.call('wx-staff-2', 'mall', 'verifyPickup', { code: order.pickupCode }),
      cloud.call('wx-li', 'mall', 'cancelOrder', { orderId: order.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await expectConsistent(cloud);
  });

  test('orders not picked up within the configured days are cancelled and refunded by the job, once', async () => {
    await cloud.ok(STAFF, 'mall', 'saveSettings', { pickupDays: 3 });
    const goods = await createGoods(cloud);
    const order = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'expire-0001',
    });
    expect(order.expiresAt).toBe(pickupDeadline(cloud.clock.now(), 3));
    cloud.clock.set(order.expiresAt - 1);
    expect(await expireOrders.run(cloud.deps)).toBe('expired 0 orders');
    cloud.clock.advance(1);
    expect(await cloud.call(STAFF, 'mall', 'verifyPickup', { code: order.pickupCode })).toMatchObject({
      code: 'ORDER_NOT_PICKABLE',
    });
    const [a, b] = await Promise.all([expireOrders.run(cloud.deps), expireOrders.run(cloud.deps)]);
    expect([a, b].sort()).toEqual(['expired 0 orders', 'expired 1 orders']);
    expect((await cloud.ok('wx-li', 'mall', 'getOrder', { orderId: order.id })).status).toBe('expired');
    expect((await cloud.ok('wx-li', 'points', 'myAccount', {})).balance).toBe(200);
    expect(await cloud.count(ENTRIES, { kind: 'refund' })).toBe(1);
    await expectConsistent(cloud);
  });
});

describe('staff goods management', () => {
  test('every stock change is recorded; stock never goes below zero; restock is idempotent', async () => {
    const donor = await cloud.ok(STAFF, 'mall', 'saveDonor', {
      name: '幸福里超市',
      kind: 'merchant',
      contact: '李老板',
    });
    const goods = await createGoods(cloud, { donorId: donor.id, initialStock: 5 });
    expect(goods.donorName).toBe('幸福里超市');
    const restocked = await cloud.ok(STAFF, 'mall', 'restock', {
      goodsId: goods.id,
      delta: 10,
      reason: '商家再次捐赠',
      requestId: 'restock-001',
    });
    expect(restocked.stock).toBe(15);
    expect(
      (
        await cloud.ok(STAFF, 'mall', 'restock', {
          goodsId: goods.id,
          delta: 10,
          reason: '商家再次捐赠',
          requestId: 'restock-001',
        })
      ).stock,
    ).toBe(15);
    expect(
      await cloud.call(STAFF, 'mall', 'restock', {
        goodsId: goods.id,
        delta: -16,
        reason: '损坏报废',
        requestId: 'restock-002',
      }),
    ).toMatchObject({
      code: 'STOCK_NEGATIVE',
    });
    await cloud.ok('wx-li', 'mall', 'redeem', { goodsId: goods.id, quantity: 1, requestId: 'history-01' });
    const history = await cloud.ok(STAFF, 'mall', 'stockHistory', { goodsId: goods.id });
    expect(history.items.map((h) => [h.kind, h.delta, h.stockAfter])).toEqual(
      expect.arrayContaining([
        ['create', 5, 5],
        ['restock', 10, 15],
        ['redeem', -1, 14],
      ]),
    );
    expect(history).toMatchObject({ items: { length: 3 }, next: null });
    await expectConsistent(cloud);
  });

  test('residents see only goods on the shelf', async () => {
    const on = await createGoods(cloud, { name: '鸡蛋一盒', price: 15 });
    const off = await createGoods(cloud, { name: '洗衣液', onShelf: false });
    expect((await cloud.ok('wx-li', 'mall', 'listGoods', {})).map((g) => g.id)).toEqual([on.id]);
    expect(await cloud.call('wx-li', 'mall', 'getGoods', { goodsId: off.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await cloud.ok(STAFF, 'mall', 'allGoods', {})).items.map((g) => g.id).sort()).toEqual(
      [on.id, off.id].sort(),
    );
    expect(
      await cloud.call(STAFF, 'mall', 'saveGoods', {
        name: '坏',
        price: 1,
        perOrderLimit: 3,
        perMonthLimit: 2,
        pickupPlace: 'x',
        pickupHours: 'y',
        onShelf: true,
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: '每月限兑不能少于每单限兑',
    });
  });

  test('a restock retried with another amount is refused, not silently ignored', async () => {
    const goods = await createGoods(cloud, { initialStock: 5 });
    await cloud.ok(STAFF, 'mall', 'restock', {
      goodsId: goods.id,
      delta: 3,
      reason: '补货',
      requestId: 'restock-same-1',
    });
    expect(
      await cloud.call(STAFF, 'mall', 'restock', {
        goodsId: goods.id,
        delta: -8,
        reason: '报损',
        requestId: 'restock-same-1',
      }),
    ).toMatchObject({
      code: 'REQUEST_REUSED',
    });
  });
});
