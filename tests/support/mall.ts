/** Fixtures for points and 爱心超市 tests. */
import type { InputOf, GoodsView } from '../../core/contract';
import { awardPoints } from '../../cloudfunctions/points/ledger';
import { ENTRIES, ACCOUNTS, type AccountFields, type EntryFields } from '../../cloudfunctions/points/ledger';
import {
  GOODS,
  ORDERS,
  STOCK_CHANGES,
  type GoodsFields,
  type OrderFields,
  type StockChangeFields,
} from '../../cloudfunctions/mall/store';
import { findAll, type Doc } from '../../cloudfunctions/runtime/db';
import type { TestCloud } from './test-cloud';

export const STAFF = 'wx-staff';

let serial = 0;
/** Award points the way service hours will: an internal posting with its own key. */
export async function givePoints(cloud: TestCloud, userId: string, amount: number) {
  serial += 1;
  await awardPoints(
    cloud.deps.db,
    {
      key: `service_fixture${serial}_${userId}`,
      userId,
      amount,
      kind: 'service',
      reason: '测试服务',
      sourceType: 'participation',
      sourceId: `p${serial}`,
      operatorId: null,
    },
    cloud.clock.now(),
  );
}

export async function createGoods(
  cloud: TestCloud,
  overrides: Partial<InputOf<'mall', 'saveGoods'>> = {},
): Promise<GoodsView> {
  return cloud.ok(STAFF, 'mall', 'saveGoods', {
    name: '大米5kg',
    price: 50,
    perOrderLimit: 2,
    perMonthLimit: 4,
    pickupPlace: '社区服务中心一楼',
    pickupHours: '工作日 9:00-17:00',
    onShelf: true,
    initialStock: 10,
    ...overrides,
  });
}

export const all = {
  entries: (cloud: TestCloud) => findAll<EntryFields>(cloud.deps.db.collection(ENTRIES), 100000),
  accounts: (cloud: TestCloud) => findAll<AccountFields>(cloud.deps.db.collection(ACCOUNTS), 100000),
  orders: (cloud: TestCloud) => findAll<OrderFields>(cloud.deps.db.collection(ORDERS), 100000),
  goods: (cloud: TestCloud) => findAll<GoodsFields>(cloud.deps.db.collection(GOODS), 100000),
  stockChanges: (cloud: TestCloud) =>
    findAll<StockChangeFields>(cloud.deps.db.collection(STOCK_CHANGES), 100000),
};

/**
 * The money-like invariants: every balance is the sum of its entries and never negative;
 * every goods' stock is what it started with less what live orders hold, and equals the
 * sum of its recorded stock changes.
 */
export async function expectConsistent(cloud: TestCloud) {
  const [entries, accounts, orders, goods, changes] = await Promise.all([
    all.entries(cloud),
    all.accounts(cloud),
    all.orders(cloud),
    all.goods(cloud),
    all.stockChanges(cloud),
  ]);
  for (const account of accounts) {
    const sum = entries.filter((e) => e.userId === account.userId).reduce((total, e) => total + e.amount, 0);
    expect({ user: account.userId, balance: account.balance }).toEqual({
      user: account.userId,
      balance: sum,
    });
    expect(account.balance).toBeGreaterThanOrEqual(0);
    expect((account.opening ?? 0) + account.earned - account.spent).toBe(account.balance);
  }
  for (const g of goods as Doc<GoodsFields>[]) {
    const recorded = changes.filter((c) => c.goodsId === g._id).reduce((total, c) => total + c.delta, 0);
    const initial = changes.find((c) => c.goodsId === g._id && c.kind === 'create')?.delta ?? 0;
    const restocked = changes
      .filter((c) => c.goodsId === g._id && c.kind === 'restock')
      .reduce((t, c) => t + c.delta, 0);
    const held = orders
      .filter((o) => o.goodsId === g._id && (o.status === 'awaiting_pickup' || o.status === 'picked_up'))
      .reduce((total, o) => total + o.quantity, 0);
    expect(g.stock).toBeGreaterThanOrEqual(0);
    expect(g.stock).toBe(recorded);
    expect(g.stock).toBe(initial + restocked - held);
  }
  // Every redemption is paid once and every closed order refunded once.
  for (const order of orders) {
    const paid = entries.filter((e) => e.sourceId === order._id);
    const refunded = order.status === 'cancelled' || order.status === 'expired';
    expect(paid.map((e) => e.kind).sort()).toEqual(refunded ? ['redeem', 'refund'] : ['redeem']);
  }
}
