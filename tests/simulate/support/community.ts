/**
 * The cloud behind the compiled weapp in miniprogram-simulate: the real cloud functions on the
 * stand-in database, seeded with the demo community, so every page gets the envelopes it would
 * get in production. One person, 周全, holds every role, leads an upcoming event, has signed up
 * for it and has redeemed goods: each page then has something of theirs to show. One item is
 * nearly out of stock, for the 数据看板.
 */
import type { EventView, OrderView, UserId } from '../../../core/contract';
import { ROLES } from '../../../core/domain/roles';
import { USERS } from '../../../cloudfunctions/runtime/users';
import { DEMO_GOODS, seedDemoCommunity } from '../../../server/seed';
import { publishedEvent, STAFF } from '../../support/events';
import { startTestCloud, type TestCloud } from '../../support/test-cloud';

export const EVERYONE = { openid: 'sim-everyone', nickname: '周全' };

export interface Community {
  cloud: TestCloud;
  userId: UserId;
  event: EventView;
  goods: (typeof DEMO_GOODS)[number];
  /** An item staff wrote down to two left: running low. */
  scarce: (typeof DEMO_GOODS)[number];
  order: OrderView;
  /** Serve one wx.cloud.callFunction as 周全 (WeChat attaches the caller's OPENID). */
  answer(name: string, data: unknown): Promise<unknown>;
}

export async function startCommunity(): Promise<Community> {
  const cloud = startTestCloud();
  // The pages count from the phone's clock ("from today"): the cloud keeps the same time.
  cloud.clock.set(Date.now());
  await seedDemoCommunity(cloud.deps);
  await cloud.addUser(STAFF, ['staff'], '孙干事');
  const userId = await cloud.addUser(EVERYONE.openid, [...ROLES], EVERYONE.nickname);
  await cloud.deps.db
    .collection(USERS)
    .doc(userId)
    .update({
      data: { realName: '周全', building: '5号楼', unit: '1单元502', volunteerAgreedAt: cloud.clock.now() },
    });

  const event = await publishedEvent(cloud, { leaderIds: [userId] });
  await cloud.ok(EVERYONE.openid, 'events', 'signUp', { eventId: event.id });
  await cloud.ok(STAFF, 'points', 'adjust', {
    userId,
    amount: 100,
    reason: '志愿服务补录',
    requestId: 'sim-adjust-0001',
  });
  // One item nearly gone, so the 数据看板 lists something under 库存不足.
  const scarce = DEMO_GOODS[DEMO_GOODS.length - 1];
  await cloud.ok(STAFF, 'mall', 'restock', {
    goodsId: scarce.id,
    delta: 2 - scarce.stock,
    reason: '过期报损',
    requestId: 'sim-restock-0001',
  });
  const goods = DEMO_GOODS[0];
  const order = await cloud.ok(EVERYONE.openid, 'mall', 'redeem', {
    goodsId: goods.id,
    quantity: 1,
    requestId: 'sim-redeem-0001',
  });

  return {
    cloud,
    userId,
    event: await cloud.ok(EVERYONE.openid, 'events', 'get', { eventId: event.id }),
    goods,
    scarce,
    order,
    answer: (name, data) => cloud.invoke(name, data, EVERYONE.openid),
  };
}
