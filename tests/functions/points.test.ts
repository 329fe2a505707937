import { awardPoints, ENTRIES } from '../../cloudfunctions/points/ledger';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { DAY_MS } from '../../core/time';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, createGoods, expectConsistent, givePoints } from '../support/mall';

let cloud: TestCloud;
let liId: string;
beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  liId = await cloud.addUser('wx-li', ['volunteer'], '李志愿');
});
afterEach(() => cloud.close());

const service = (userId: string, participation: string, amount: number) => ({
  key: `service_${participation}`,
  userId,
  amount,
  kind: 'service' as const,
  reason: '重阳节敬老活动 3小时',
  sourceType: 'participation',
  sourceId: participation,
  operatorId: null,
});

describe('award', () => {
  test('awarding the same source twice, even concurrently, pays once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => awardPoints(cloud.deps.db, service(liId, 'p1', 3), cloud.clock.now())),
    );
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await cloud.count(ENTRIES)).toBe(1);
    expect(await cloud.ok('wx-li', 'points', 'myAccount', {})).toMatchObject({
      balance: 3,
      earned: 3,
      spent: 0,
    });
  });

  test('a key reused for a different amount is refused', async () => {
    await awardPoints(cloud.deps.db, service(liId, 'p1', 3), cloud.clock.now());
    await expect(
      awardPoints(cloud.deps.db, service(liId, 'p1', 30), cloud.clock.now()),
    ).rejects.toMatchObject({ code: 'REQUEST_REUSED' });
    expect(() => awardPoints(cloud.deps.db, service(liId, 'p2', -3), cloud.clock.now())).toThrow();
  });
});

describe('staff adjustments', () => {
  test('need a reason, are shown as such, are idempotent and cannot overdraw', async () => {
    const noReason = await cloud.call(STAFF, 'points', 'adjust', {
      userId: liId,
      amount: 10,
      reason: ' ',
      requestId: 'adj-000001',
    });
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', message: '请填写调整原因' });
    const zero = await cloud.call(STAFF, 'points', 'adjust', {
      userId: liId,
      amount: 0,
      reason: '补录',
      requestId: 'adj-000001',
    });
    expect(zero).toMatchObject({ code: 'INVALID_INPUT', message: '调整积分不能为0' });

    const input = { userId: liId, amount: 20, reason: '补录纸质台账积分', requestId: 'adj-000002' };
    const first = await cloud.ok(STAFF, 'points', 'adjust', input);
    expect(first.entry).toMatchObject({
      kind: 'adjust',
      amount: 20,
      description: '工作人员调整：补录纸质台账积分',
    });
    expect(await cloud.ok(STAFF, 'points', 'adjust', input)).toEqual(first);
    expect(await cloud.count(AUDIT, { action: 'points.adjust', targetId: liId })).toBe(1);

    const overdraw = await cloud.call(STAFF, 'points', 'adjust', {
      userId: liId,
      amount: -21,
      reason: '误录更正',
      requestId: 'adj-000003',
    });
    expect(overdraw).toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    const corrected = await cloud.ok(STAFF, 'points', 'adjust', {
      userId: liId,
      amount: -5,
      reason: '误录更正',
      requestId: 'adj-000004',
    });
    expect(corrected.account).toEqual({
      balance: 15,
      earned: 20,
      spent: 5,
      opening: 0,
      hideFromRankings: false,
    });
    expect(
      await cloud.call('wx-li', 'points', 'adjust', { ...input, requestId: 'adj-000005' }),
    ).toMatchObject({ code: 'FORBIDDEN' });

    const view = await cloud.ok(STAFF, 'points', 'accountOf', { userId: liId });
    expect(view).toMatchObject({ name: '李志愿', account: { balance: 15 } });
    const entries = await cloud.ok(STAFF, 'points', 'historyOf', { userId: liId });
    expect(entries.items.map((e) => e.amount)).toEqual(expect.arrayContaining([20, -5]));
    expect(entries.items.find((e) => e.amount === 20)).toMatchObject({ sourceType: 'manual', sourceId: '' });
    await expectConsistent(cloud);
  });

  test('staff cannot adjust their own points; another staff member has to', async () => {
    const staffId = (await cloud.ok(STAFF, 'user', 'login', {})).user.id;
    expect(
      await cloud.call(STAFF, 'points', 'adjust', {
        userId: staffId,
        amount: 100,
        reason: '自己加分',
        requestId: 'self-adjust-1',
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('history', () => {
  test('newest first, a page at a time', async () => {
    for (let i = 1; i <= 5; i += 1) {
      await awardPoints(cloud.deps.db, service(liId, `p${i}`, i), cloud.clock.now());
      cloud.clock.advance(DAY_MS);
    }
    const page1 = await cloud.ok('wx-li', 'points', 'myHistory', { limit: 2 });
    expect(page1.items.map((e) => e.amount)).toEqual([5, 4]);
    const page2 = await cloud.ok('wx-li', 'points', 'myHistory', {
      limit: 2,
      cursor: page1.next ?? undefined,
    });
    expect(page2.items.map((e) => e.amount)).toEqual([3, 2]);
    const page3 = await cloud.ok('wx-li', 'points', 'myHistory', {
      limit: 2,
      cursor: page2.next ?? undefined,
    });
    expect(page3).toMatchObject({ items: [{ amount: 1 }], next: null });
  });

  test('entries with the same time are not skipped at a page boundary', async () => {
    // A job pays many participations at one instant.
    for (let i = 1; i <= 7; i += 1)
      await awardPoints(cloud.deps.db, service(liId, `same${i}`, i), cloud.clock.now());
    const seen: number[] = [];
    let cursor: { at: number; id: string } | undefined;
    do {
      const page = await cloud.ok('wx-li', 'points', 'myHistory', { limit: 3, cursor });
      seen.push(...page.items.map((e) => e.amount));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('积分明细 chart', () => {
  test('each month splits as the account does: credits earned, debits spent less refunds, the opening balance neither', async () => {
    const wuId = await cloud.addUser('wx-wu', [], '吴奶奶');
    await cloud.ok(STAFF, 'points', 'adjust', {
      userId: wuId,
      amount: 200,
      reason: '纸质台账补录',
      kind: 'opening',
      requestId: 'chart-opening-wu',
    });
    await givePoints(cloud, wuId, 40); // November
    cloud.clock.advance(20 * DAY_MS); // December
    await givePoints(cloud, wuId, 12);
    const goods = await createGoods(cloud, { price: 15 });
    const kept = await cloud.ok('wx-wu', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'chart-redeem-1',
    });
    const undone = await cloud.ok('wx-wu', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'chart-redeem-2',
    });
    await cloud.ok('wx-wu', 'mall', 'cancelOrder', { orderId: undone.id });
    await cloud.ok(STAFF, 'points', 'adjust', {
      userId: wuId,
      amount: -5,
      reason: '重复发放',
      requestId: 'chart-correction-wu',
    });

    const { months } = await cloud.ok('wx-wu', 'points', 'myMonths', {});
    expect(months.map((m) => m.key)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(months.slice(-2).map((m) => [m.label, m.earned, m.spent])).toEqual([
      ['11月', 40, 0],
      ['12月', 12, 15 + 5],
    ]);
    expect(kept.points).toBe(15);
    const account = await cloud.ok('wx-wu', 'points', 'myAccount', {});
    expect(months.reduce((sum, m) => sum + m.earned, 0)).toBe(account.earned);
    expect(months.reduce((sum, m) => sum + m.spent, 0)).toBe(account.spent);
    expect(account.balance).toBe(account.opening + account.earned - account.spent);
  });

  test('only the caller’s own entries, and only the last six months', async () => {
    await givePoints(cloud, liId, 30);
    cloud.clock.advance(200 * DAY_MS);
    const zhouId = await cloud.addUser('wx-zhou', [], '周邻居');
    await givePoints(cloud, zhouId, 9);
    const li = await cloud.ok('wx-li', 'points', 'myMonths', {});
    expect(li.months.every((m) => m.earned === 0 && m.spent === 0)).toBe(true);
    const zhou = await cloud.ok('wx-zhou', 'points', 'myMonths', {});
    expect(zhou.months[zhou.months.length - 1]).toMatchObject({ earned: 9, spent: 0 });
  });
});

describe('ranking', () => {
  test('this month counts earnings only; all-time counts totals; opted-out residents are left out', async () => {
    const zhaoId = await cloud.addUser('wx-zhao', ['volunteer'], '赵小燕');
    const chenId = await cloud.addUser('wx-chen', ['party_member'], '陈建国');
    await givePoints(cloud, zhaoId, 50); // earned last month
    cloud.clock.advance(31 * DAY_MS);
    await givePoints(cloud, liId, 30);
    await givePoints(cloud, chenId, 30);
    await givePoints(cloud, zhaoId, 10);
    // Spending and refunds do not move anyone in the ranking.
    const goods = await createGoods(cloud, { price: 10 });
    const order = await cloud.ok('wx-li', 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: 'rank-order-1',
    });
    await cloud.ok('wx-li', 'mall', 'cancelOrder', { orderId: order.id });

    const month = await cloud.ok('wx-li', 'points', 'ranking', { period: 'month' });
    expect(month.rows).toHaveLength(3);
    expect(month.rows.map((r) => [r.rank, r.nickname, r.points])).toEqual(
      expect.arrayContaining([
        [1, '李志愿', 30],
        [1, '陈建国', 30],
        [3, '赵小燕', 10],
      ]),
    );
    expect(month.me).toEqual({ rank: 1, points: 30, hidden: false });

    const allTime = await cloud.ok('wx-li', 'points', 'ranking', { period: 'all' });
    expect(allTime.rows[0]).toMatchObject({ rank: 1, nickname: '赵小燕', points: 60 });

    await cloud.ok('wx-zhao', 'points', 'setRankingVisibility', { hidden: true });
    const hidden = await cloud.ok('wx-li', 'points', 'ranking', { period: 'all' });
    expect(hidden.rows.map((r) => r.nickname)).not.toContain('赵小燕');
    const zhaoView = await cloud.ok('wx-zhao', 'points', 'ranking', { period: 'all' });
    expect(zhaoView.me).toEqual({ rank: null, points: 60, hidden: true });
  });

  test('an opening balance carried over from paper is spendable but counts in no ranking, and is recorded once', async () => {
    const wuId = await cloud.addUser('wx-wu', [], '吴奶奶');
    const input = { userId: wuId, amount: 500, reason: '纸质台账补录', kind: 'opening' as const };
    const first = await cloud.ok(STAFF, 'points', 'adjust', { ...input, requestId: 'opening-0001' });
    expect(first.entry).toMatchObject({
      kind: 'opening',
      amount: 500,
      description: '历史积分补录：纸质台账补录',
    });
    expect(first.account).toMatchObject({ balance: 500, earned: 0, opening: 500 });
    // Carried over once: the same figure again is a retry, another figure is refused.
    await cloud.ok(STAFF, 'points', 'adjust', { ...input, requestId: 'opening-0002' });
    expect(
      await cloud.call(STAFF, 'points', 'adjust', { ...input, amount: 80, requestId: 'opening-0003' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(
      await cloud.call(STAFF, 'points', 'adjust', { ...input, amount: -5, requestId: 'opening-0004' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    await givePoints(cloud, liId, 10);
    for (const period of ['month', 'all'] as const) {
      const ranking = await cloud.ok('wx-li', 'points', 'ranking', { period });
      expect(ranking.rows.map((r) => r.nickname)).not.toContain('吴奶奶');
    }
    expect((await cloud.ok('wx-wu', 'points', 'myAccount', {})).balance).toBe(500);
    await expectConsistent(cloud);
  });
});
