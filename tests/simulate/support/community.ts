/**
 * The cloud behind the compiled weapp in miniprogram-simulate: the real cloud functions on the
 * stand-in database, seeded with the demo community, so every page gets the envelopes it would
 * get in production. One person, 周全, holds every role, leads an upcoming event, has signed up
 * for it, has redeemed goods and proposed a need, has claimed a 微心愿 and posted one; a 百姓点菜
 * round with live results is open for voting and 周全 has not voted yet: each page then has
 * something of theirs to show. A neighbour has reported a wish, so staff's queue has a report;
 * one item is nearly out of stock, for the 数据看板.
 */
import type { EventView, OrderView, ProposalView, RoundView, UserId, WishView } from '../../../core/contract';
import { DAY_MS, MINUTE_MS } from '../../../core/time';
import { ROLES } from '../../../core/domain/roles';
import { USERS } from '../../../cloudfunctions/runtime/users';
import { DEMO_GOODS, DEMO_WISHES, seedDemoCommunity } from '../../../server/seed';
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
  /** 周全's own proposal, waiting for screening. */
  proposal: ProposalView;
  /** Open for voting, live results on; neighbours voted, 周全 not yet. */
  round: RoundView;
  /** The demo's 微实事 project under way, with a milestone still ahead. */
  projectId: string;
  /** A wish 周全 holds the live claim on (so its detail shows the contact). */
  claimedWish: WishView;
  /** A wish 周全 posted, waiting for review. */
  myWish: WishView;
  /** A wish a neighbour reported; the report waits in staff's queue. */
  reportedWish: (typeof DEMO_WISHES)[number];
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

  const [lamp, , shoes] = DEMO_WISHES;
  const claimedWish = await cloud.ok(EVERYONE.openid, 'wishes', 'claim', { wishId: lamp.id });
  const myWish = await cloud.ok(EVERYONE.openid, 'wishes', 'post', {
    title: '楼道灯不亮了，想请人帮忙换灯泡',
    category: 'service',
    wantedBy: cloud.clock.now() + 5 * DAY_MS,
    contact: { name: '周全', building: '5号楼', unit: '1单元502' },
    requestId: 'sim-wish-0001',
  });
  await cloud.ok('demo-resident-zhou', 'moderation', 'report', {
    kind: 'wish',
    id: shoes.id,
    category: 'false_info',
    text: '模拟测试的举报',
  });

  const proposal = await cloud.ok(EVERYONE.openid, 'votes', 'propose', {
    requestId: 'sim-proposal-0001',
    title: '小区增设智能快递柜',
    description: '快递经常堆在门卫室，老人取件不方便，希望增设一组智能快递柜。',
    category: 'safety',
  });
  // The demo's three proposals ready for a menu (threshold 3); the round starts just after the
  // freeze margin, and the clock moves only those two minutes.
  const startAt = cloud.clock.now() + 2 * MINUTE_MS;
  const opened = await cloud.ok(STAFF, 'votes', 'saveRound', {
    title: '2027年春季百姓点菜',
    proposalIds: ['p-demo-lights', 'p-demo-bench', 'p-demo-mat'],
    startAt,
    endAt: startAt + 7 * 24 * 60 * MINUTE_MS,
    rule: { kind: 'approval', maxChoices: 2 },
    eligibility: 'residents',
    liveResults: true,
  });
  cloud.clock.set(startAt);
  await cloud.ok('demo-resident-zhou', 'votes', 'castBallot', {
    roundId: opened.id,
    choices: ['p-demo-lights', 'p-demo-bench'],
  });
  await cloud.ok('demo-resident-sun', 'votes', 'castBallot', {
    roundId: opened.id,
    choices: ['p-demo-lights'],
  });

  return {
    cloud,
    proposal,
    round: await cloud.ok(EVERYONE.openid, 'votes', 'round', { roundId: opened.id }),
    projectId: 'pj_p-demo-shelter',
    userId,
    claimedWish,
    myWish,
    reportedWish: shoes,
    event: await cloud.ok(EVERYONE.openid, 'events', 'get', { eventId: event.id }),
    goods,
    scarce,
    order,
    answer: (name, data) => cloud.invoke(name, data, EVERYONE.openid),
  };
}
