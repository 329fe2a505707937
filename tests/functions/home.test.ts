/**
 * `user.home`: the whole first screen in one answer, each section what the feature's own page
 * would show — the same event views (soonest first, with the caller's sign-up), the newest goods,
 * the wall's open wishes, the 百姓点菜 round the votes page leads with, the unread count — and for
 * staff the sum of the 社区工作台's badges. On the demo community, as a resident sees it.
 */
import { HOME_LIMITS } from '../../core/contract';
import { WORKBENCH_COUNTS } from '../../core/domain/dashboard';
import { DAY_MS } from '../../core/time';
import { DEMO_EVENTS, seedDemoCommunity } from '../../server/seed';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { createGoods, STAFF } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const LI = 'demo-volunteer-li';
const ZHOU = 'demo-resident-zhou';
const WANG = 'demo-staff-wang';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = startTestCloud();
  await seedDemoCommunity(cloud.deps);
  await cloud.addUser(STAFF, ['staff'], '孙干事');
});
afterEach(() => cloud.close());

test('a volunteer: balance, next event, the calendar, new goods, open wishes, the round, unread messages', async () => {
  await cloud.ok(LI, 'events', 'signUp', { eventId: 'e-demo-dumplings' });
  const home = await cloud.ok(LI, 'user', 'home', {});

  expect(home.balance).toBe((await cloud.ok(LI, 'points', 'myAccount', {})).balance);
  expect(home.nextEvent).toEqual(await cloud.ok(LI, 'events', 'get', { eventId: 'e-demo-dumplings' }));
  expect(home.nextEvent?.mine?.status).toBe('confirmed');
  // The 活动 tab's first three, the very same views.
  const calendar = await cloud.ok(LI, 'events', 'list', {});
  expect(home.events).toEqual(calendar.slice(0, HOME_LIMITS.events));
  expect(home.events.map((e) => e.id)).toEqual(DEMO_EVENTS.map((e) => e.id));

  const shelf = await cloud.ok(LI, 'mall', 'listGoods', {});
  expect(home.goods.map((g) => g.id).sort()).toEqual(shelf.map((g) => g.id).sort());

  const wall = await cloud.ok(LI, 'wishes', 'wall', { status: 'open' });
  expect(home.wishes.open).toBe(wall.items.length);
  expect(home.wishes.latest.map((w) => [w.id, w.title, w.recipient])).toEqual(
    wall.items.slice(0, HOME_LIMITS.wishes).map((w) => [w.id, w.title, w.recipient]),
  );

  expect(home.round).toEqual((await cloud.ok(LI, 'votes', 'rounds', {})).current);
  expect(home.unreadMessages).toBe((await cloud.ok(LI, 'user', 'unreadMessages', {})).count);
  expect(home.workbenchWaiting).toBeNull();
});

test('what changes shows at once: a new item leads the goods, a message counts until it is read', async () => {
  const before = await cloud.ok(LI, 'user', 'home', {});
  cloud.clock.advance(60_000);
  const fresh = await createGoods(cloud, { name: '手工香皂' });
  await cloud.notify({ userId: userIdForOpenid(LI), template: 't', title: '时长已确认', body: '' });

  const after = await cloud.ok(LI, 'user', 'home', {});
  expect(after.goods[0].id).toBe(fresh.id);
  expect(after.goods).toHaveLength(HOME_LIMITS.goods);
  expect(after.unreadMessages).toBe(before.unreadMessages + 1);

  await cloud.ok(LI, 'user', 'markMessagesRead', { upTo: cloud.clock.now() });
  expect((await cloud.ok(LI, 'user', 'home', {})).unreadMessages).toBe(0);
});

test('the next event is the soonest one with a seat, and gone once it has ended', async () => {
  await cloud.ok(LI, 'events', 'signUp', { eventId: 'e-demo-sorting' });
  await cloud.ok(LI, 'events', 'signUp', { eventId: 'e-demo-stairs' });
  expect((await cloud.ok(LI, 'user', 'home', {})).nextEvent?.id).toBe('e-demo-stairs');

  await cloud.ok(LI, 'events', 'cancelSignUp', { eventId: 'e-demo-stairs' });
  expect((await cloud.ok(LI, 'user', 'home', {})).nextEvent?.id).toBe('e-demo-sorting');

  cloud.clock.advance(12 * DAY_MS);
  const later = await cloud.ok(LI, 'user', 'home', {});
  expect(later.nextEvent).toBeNull();
  expect(later.events).toEqual([]);
});

test('a new resident: nothing of theirs yet, nothing waiting for them', async () => {
  const home = await cloud.ok(ZHOU, 'user', 'home', {});
  expect(home).toMatchObject({ balance: 0, nextEvent: null, unreadMessages: 0, workbenchWaiting: null });
  expect(home.events).toHaveLength(HOME_LIMITS.events);
});

test('staff see everything waiting on the 社区工作台: the sum of its badges', async () => {
  const { counts } = await cloud.ok(WANG, 'dashboard', 'workbench', {});
  const sum = WORKBENCH_COUNTS.reduce((total, key) => total + counts[key], 0);
  expect(sum).toBeGreaterThan(0); // the demo has a wish and a proposal to review
  expect((await cloud.ok(WANG, 'user', 'home', {})).workbenchWaiting).toBe(sum);

  // One more 双报到 application waits: the home's count follows.
  await cloud.ok(ZHOU, 'user', 'applyPartyMember', {
    realName: '周明',
    partyOrg: '市税务局第一党支部',
    workplace: '市税务局',
  });
  expect((await cloud.ok(WANG, 'user', 'home', {})).workbenchWaiting).toBe(sum + 1);
});

test('it is the caller’s own: nobody else’s balance or sign-ups', async () => {
  await cloud.ok(LI, 'events', 'signUp', { eventId: 'e-demo-dumplings' });
  const zhou = await cloud.ok(ZHOU, 'user', 'home', {});
  expect(zhou.nextEvent).toBeNull();
  expect(zhou.events.every((e) => e.mine === null)).toBe(true);
  expect(zhou.balance).toBe(0);
});
