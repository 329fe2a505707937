/**
 * Closing an account (个人信息保护法): a resident who took part in everything closes their account,
 * twice at once. Afterwards their openid logs in as a new resident; their name and phone are in no
 * document of any collection; what they held is released once (orders refunded, seats and claims
 * given on, open wishes withdrawn); and their service record and ledger are still there, complete
 * and anonymised, the entries summing to the final balance.
 */
import type { UserId } from '../../core/contract';
import { CLOSED_ACCOUNT_NAME } from '../../core/domain/users';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { findAll, findById } from '../../cloudfunctions/runtime/db';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { USERS, userIdForOpenid, type UserDoc, type UserFields } from '../../cloudfunctions/runtime/users';
import { EVENTS, PARTICIPATIONS, findEvent } from '../../cloudfunctions/events/store';
import { SIGNUP_QUEUE } from '../../cloudfunctions/events/signup-queue';
import { handlers as mall } from '../../cloudfunctions/mall';
import { REDEEM_QUEUE } from '../../cloudfunctions/mall/redeem-queue';
import { DONORS, GOODS, ORDERS, STOCK_CHANGES, type OrderFields } from '../../cloudfunctions/mall/store';
import { MEDIA_CHECKS, REPORTS } from '../../cloudfunctions/moderation/store';
import { ACCOUNTS, ENTRIES, type AccountFields, type EntryFields } from '../../cloudfunctions/points/ledger';
import { APPLICATIONS } from '../../cloudfunctions/user/applications';
import { SETTLE_AFTER_MS } from '../../cloudfunctions/user/closure';
import { settleClosedAccounts } from '../../cloudfunctions/user/jobs';
import {
  BALLOTS,
  OBJECTIONS,
  PROJECTS,
  PROPOSALS,
  RATINGS,
  ROUNDS,
  SUPPORTS,
} from '../../cloudfunctions/votes/store';
import { WISHES, WISH_CLAIMS, WISH_GUARDS, findWish } from '../../cloudfunctions/wishes/store';
import { publishedEvent, tokenFor } from '../support/events';
import { createGoods } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { expectGuardsConsistent, wishInput } from '../support/wishes';

const STAFF = 'wx-staff';
const A = 'wx-sanfeng';
const NEXT = 'wx-next-in-line';
const POSTER = 'wx-poster';
const REAL_NAME = '张三丰';
const NICKNAME = '太极三丰';
const PHONE = '13912345678';

/** Every collection the functions write: a closed name must be in none of them. */
const COLLECTIONS = [
  USERS,
  APPLICATIONS,
  AUDIT,
  NOTIFICATIONS,
  ACCOUNTS,
  ENTRIES,
  GOODS,
  ORDERS,
  STOCK_CHANGES,
  DONORS,
  REDEEM_QUEUE,
  EVENTS,
  PARTICIPATIONS,
  SIGNUP_QUEUE,
  WISHES,
  WISH_CLAIMS,
  WISH_GUARDS,
  REPORTS,
  MEDIA_CHECKS,
  PROPOSALS,
  SUPPORTS,
  ROUNDS,
  BALLOTS,
  OBJECTIONS,
  PROJECTS,
  RATINGS,
];

async function everyDocument(cloud: TestCloud): Promise<string> {
  const all = await Promise.all(COLLECTIONS.map((c) => findAll(cloud.deps.db.collection(c), 100000)));
  return JSON.stringify(all);
}

const entriesOf = (cloud: TestCloud, userId: string) =>
  findAll<EntryFields>(cloud.deps.db.collection(ENTRIES).where({ userId }), 10000);

let cloud: TestCloud;
let a: UserId;
let before: UserDoc;
const ids = {
  past: '',
  future: '',
  led: '',
  claimedWish: '',
  pendingWish: '',
  openWish: '',
  orders: [] as string[],
};

beforeAll(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  a = await cloud.addUser(A, ['party_member'], NICKNAME);
  const next = await cloud.addUser(NEXT, [], '周邻居');
  await cloud.addUser(POSTER, [], '孙阿姨');
  await cloud.ok(A, 'user', 'registerVolunteer', { realName: REAL_NAME, agreeToRecordKeeping: true });
  await cloud.ok(A, 'user', 'updateProfile', {
    nickname: NICKNAME,
    building: '9号楼',
    unit: '1单元901',
    phone: PHONE,
    phoneConsent: true,
  });

  // Served an event they led (hours confirmed by staff), and signed up for one still to come.
  const past = await publishedEvent(cloud, { title: '敬老院义诊', leaderIds: [a] });
  await cloud.ok(A, 'events', 'signUp', { eventId: past.id });
  const future = await publishedEvent(cloud, {
    title: '冬至包饺子',
    capacity: 1,
    startAt: past.startAt + 10 * DAY_MS,
    endAt: past.endAt + 10 * DAY_MS,
    signupDeadline: past.signupDeadline + 10 * DAY_MS,
  });
  await cloud.ok(A, 'events', 'signUp', { eventId: future.id });
  await cloud.ok(NEXT, 'events', 'signUp', { eventId: future.id });
  const led = await publishedEvent(cloud, {
    title: '楼道清洁',
    leaderIds: [a],
    startAt: past.startAt + 12 * DAY_MS,
    endAt: past.endAt + 12 * DAY_MS,
    signupDeadline: past.signupDeadline + 12 * DAY_MS,
  });
  cloud.clock.set(past.startAt);
  await cloud.ok(A, 'events', 'checkIn', { token: await tokenFor(cloud, past.id, 'in') });
  cloud.clock.set(past.endAt + HOUR_MS);
  await cloud.ok(STAFF, 'events', 'confirmHours', { eventId: past.id, adjustments: [] });

  // Points, two orders awaiting pickup and one picked up.
  await cloud.ok(STAFF, 'points', 'adjust', {
    userId: a,
    amount: 300,
    reason: '历史积分补录',
    requestId: 'closure-adjust-1',
  });
  const goods = await createGoods(cloud, { price: 40, perOrderLimit: 5, perMonthLimit: 10 });
  for (const requestId of ['closure-order-1', 'closure-order-2', 'closure-order-3']) {
    ids.orders.push((await cloud.ok(A, 'mall', 'redeem', { goodsId: goods.id, quantity: 1, requestId })).id);
  }
  const picked = await findById<OrderFields>(cloud.deps.db, ORDERS, ids.orders[2]);
  await cloud.ok(STAFF, 'mall', 'verifyPickup', { code: picked?.pickupCode ?? '' });

  // A claim on a neighbour's wish, a wish of their own on the wall and one waiting for review.
  const theirs = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
  await cloud.ok(STAFF, 'wishes', 'review', { wishId: theirs.id, approve: true });
  await cloud.ok(A, 'wishes', 'claim', { wishId: theirs.id });
  const contact = { name: REAL_NAME, building: '9号楼', unit: '1单元901', phone: PHONE, phoneConsent: true };
  const open = await cloud.ok(A, 'wishes', 'post', wishInput(cloud, { contact, title: '想请人修水龙头' }));
  await cloud.ok(STAFF, 'wishes', 'review', { wishId: open.id, approve: true });
  const pending = await cloud.ok(A, 'wishes', 'post', wishInput(cloud, { contact, title: '想要一台收音机' }));
  await cloud.ok(A, 'votes', 'propose', {
    requestId: 'closure-proposal-1',
    title: '小区增设晾衣架',
    description: '楼下空地可以装几组晾衣架，方便老人晒被子。',
    category: 'environment',
  });
  await cloud.ok(A, 'moderation', 'report', { kind: 'wish', id: theirs.id, category: 'false_info' });
  Object.assign(ids, {
    past: past.id,
    future: future.id,
    led: led.id,
    claimedWish: theirs.id,
    openWish: open.id,
    pendingWish: pending.id,
  });
  before = (await findById<UserFields>(cloud.deps.db, USERS, a)) as UserDoc;
  expect(next).toBeTruthy();
});

afterAll(() => cloud.close());

test('before closing, the name is where the features put it', async () => {
  const ranking = await cloud.ok(POSTER, 'points', 'ranking', { period: 'month' });
  expect(ranking.rows.map((r) => r.nickname)).toContain(NICKNAME);
  const everything = await everyDocument(cloud);
  expect(everything).toContain(REAL_NAME);
  expect(everything).toContain(PHONE);
});

describe('closing twice at once', () => {
  let balance: number;
  let answers: Awaited<ReturnType<TestCloud['call']>>[];

  beforeAll(async () => {
    balance = (await cloud.ok(A, 'points', 'myAccount', {})).balance;
    answers = await Promise.all([
      cloud.call(A, 'user', 'closeAccount', { acknowledge: true }),
      cloud.call(A, 'user', 'closeAccount', { acknowledge: true }),
    ]);
  });

  test('closes the account once; a close arriving after it meets nobody', () => {
    expect(answers.some((r) => r.ok)).toBe(true);
    // The second either ran beside the first (and released nothing more) or came after it.
    for (const r of answers) if (!r.ok) expect(r.code).toBe('UNAUTHENTICATED');
  });

  test('each open order is refunded exactly once, the picked-up one is not', async () => {
    const refunded = answers.reduce(
      (n, r) => n + (r.ok ? (r.data as { ordersRefunded: number }).ordersRefunded : 0),
      0,
    );
    expect(refunded).toBe(2);
    const entries = await entriesOf(cloud, a);
    for (const orderId of ids.orders.slice(0, 2)) {
      expect(
        entries
          .filter((e) => e.sourceId === orderId)
          .map((e) => e.kind)
          .sort(),
      ).toEqual(['redeem', 'refund']);
      expect((await findById<OrderFields>(cloud.deps.db, ORDERS, orderId))?.status).toBe('cancelled');
    }
    expect((await findById<OrderFields>(cloud.deps.db, ORDERS, ids.orders[2]))?.status).toBe('picked_up');
  });

  test('the ledger is kept: its entries sum to the closed account’s final balance', async () => {
    const entries = await entriesOf(cloud, a);
    const account = await findById<AccountFields>(cloud.deps.db, ACCOUNTS, a);
    // Hours served, the adjustment, three redemptions and the two refunds: nothing deleted.
    expect(entries.map((e) => e.kind).sort()).toEqual([
      'adjust',
      'redeem',
      'redeem',
      'redeem',
      'refund',
      'refund',
      'service',
    ]);
    expect(account?.balance).toBe(entries.reduce((sum, e) => sum + e.amount, 0));
    expect(account?.balance).toBe(balance + 80);
  });
});

test('a redemption already under way when the account closed is refunded when the closure settles', async () => {
  // The router loaded the caller a moment before the closure committed; the handler goes on.
  const goods = await createGoods(cloud, { name: '洗衣液', price: 10 });
  const order = await mall.redeem(
    { goodsId: goods.id as never, quantity: 1, requestId: 'closure-late-order' },
    {
      ...cloud.deps,
      caller: before,
      roles: before.roles,
      callerIsNew: false,
      now: cloud.clock.now(),
      openid: A,
    },
  );
  expect(order.status).toBe('awaiting_pickup');
  // Too soon to settle: a request begun before the closure might still be running.
  await settleClosedAccounts.run(cloud.deps);
  expect((await findById<OrderFields>(cloud.deps.db, ORDERS, order.id))?.status).toBe('awaiting_pickup');

  cloud.clock.advance(SETTLE_AFTER_MS);
  await settleClosedAccounts.run(cloud.deps);
  expect(await findById<OrderFields>(cloud.deps.db, ORDERS, order.id)).toMatchObject({
    status: 'cancelled',
    userName: CLOSED_ACCOUNT_NAME,
  });
  const settled = await findById<UserFields>(cloud.deps.db, USERS, a);
  expect(settled?.closureSettledAt).not.toBeNull();
  expect(settled?.namesToScrub).toEqual([]);
  const entries = await entriesOf(cloud, a);
  expect((await findById<AccountFields>(cloud.deps.db, ACCOUNTS, a))?.balance).toBe(
    entries.reduce((sum, e) => sum + e.amount, 0),
  );
});

test('the same openid logs in as a new resident, with nothing of the old account', async () => {
  const login = await cloud.ok(A, 'user', 'login', {});
  expect(login.isNew).toBe(true);
  expect(login.user.id).not.toBe(a);
  expect(login.user.id).toBe(userIdForOpenid(A, 1));
  expect(login.user.roles).toEqual(['resident']);
  expect(login.user.nickname).toMatch(/^邻居\d{4}$/);
  expect((await cloud.ok(A, 'points', 'myAccount', {})).balance).toBe(0);
  expect(await cloud.ok(A, 'events', 'myServiceRecord', {})).toMatchObject({ rows: [] });
  // And once more: a second closure makes a third resident.
  await cloud.ok(A, 'user', 'closeAccount', { acknowledge: true });
  const third = await cloud.ok(A, 'user', 'login', {});
  expect(third).toMatchObject({ isNew: true, user: { id: userIdForOpenid(A, 2) } });
});

test('the closed profile is anonymised and out of every list of people', async () => {
  const closed = await findById<UserFields>(cloud.deps.db, USERS, a);
  expect(closed).toMatchObject({
    nickname: CLOSED_ACCOUNT_NAME,
    realName: '',
    phone: '',
    openid: null,
    building: '',
  });
  expect(closed?.closedAt).not.toBeNull();
  const found = await cloud.ok(STAFF, 'user', 'listResidents', { keyword: NICKNAME });
  expect(found.items).toEqual([]);
  const everyone = await cloud.ok(STAFF, 'user', 'listResidents', { limit: 50 });
  expect(everyone.items.map((u) => u.id)).not.toContain(a);
});

test('their name and phone are in no document of any collection', async () => {
  // (Settled by now: the closure's own list of names to take out of messages is gone too.)
  expect((await findById<UserFields>(cloud.deps.db, USERS, a))?.closureSettledAt).not.toBeNull();
  const everything = await everyDocument(cloud);
  for (const secret of [REAL_NAME, NICKNAME, PHONE, '1单元901']) expect(everything).not.toContain(secret);
});

test('rankings, the wall, participants and leaders no longer name them', async () => {
  for (const period of ['month', 'all'] as const) {
    const ranking = await cloud.ok(POSTER, 'points', 'ranking', { period });
    expect(JSON.stringify(ranking)).not.toContain(NICKNAME);
  }
  const wall = await cloud.ok(POSTER, 'wishes', 'wall', {});
  expect(JSON.stringify(wall)).not.toContain(REAL_NAME);
  const served = await cloud.ok(STAFF, 'events', 'participants', { eventId: ids.past });
  expect(served.map((p) => p.name)).toEqual([CLOSED_ACCOUNT_NAME]);
  expect((await findEvent(cloud.deps.db, ids.past))?.leaderNames).toEqual([CLOSED_ACCOUNT_NAME]);
  // An event still to run loses a leader who can no longer run it.
  expect(await findEvent(cloud.deps.db, ids.led)).toMatchObject({ leaderIds: [], leaderNames: [] });
});

test('the seat goes to the next in line, the claim back to the wall, their own wishes are withdrawn', async () => {
  const seats = await cloud.ok(STAFF, 'events', 'participants', { eventId: ids.future });
  expect(seats.map((p) => [p.name, p.status])).toEqual([['周邻居', 'confirmed']]);
  expect(await findWish(cloud.deps.db, ids.claimedWish)).toMatchObject({ status: 'open', claim: null });
  const claims = await findAll(cloud.deps.db.collection(WISH_CLAIMS).where({ memberId: a }), 10);
  expect(claims).toMatchObject([{ status: 'released', memberName: CLOSED_ACCOUNT_NAME }]);
  for (const id of [ids.openWish, ids.pendingWish]) {
    expect(await findWish(cloud.deps.db, id)).toMatchObject({
      status: 'withdrawn',
      recipientMasked: CLOSED_ACCOUNT_NAME,
      contact: { name: '', phone: '' },
    });
  }
  await expectGuardsConsistent(cloud);
  // The neighbour whose wish it was hears of it, without the name.
  const told = await findAll<{ body: string }>(
    cloud.deps.db.collection(NOTIFICATIONS).where({ userId: userIdForOpenid(POSTER) }),
    100,
  );
  expect(told.some((n) => n.body.includes(CLOSED_ACCOUNT_NAME))).toBe(true);
  // Their own messages are gone.
  expect(await cloud.count(NOTIFICATIONS, { userId: a })).toBe(0);
});

test('the service record stays complete, without the name (民政部令第67号)', async () => {
  const now = cloud.clock.now();
  const page = await cloud.ok(STAFF, 'dashboard', 'export', {
    kind: 'service',
    from: now - 300 * DAY_MS,
    to: now,
  });
  expect(page.rows).toHaveLength(1);
  expect(page.rows[0]).toEqual(expect.arrayContaining([CLOSED_ACCOUNT_NAME, '敬老院义诊', 3]));
});

test('the closure is audited, and staff see it in the trail of that resident', async () => {
  const trail = await cloud.ok(STAFF, 'dashboard', 'audit', { userId: a });
  expect(trail.items.map((e) => e.action)).toContain('account.close');
  expect(trail.items.find((e) => e.action === 'account.close')).toMatchObject({
    actorName: CLOSED_ACCOUNT_NAME,
  });
  expect(before.realName).toBe(REAL_NAME);
});

test('however many closes race, each order is refunded once and the balance is the sum of the entries', async () => {
  const openid = 'wx-racer';
  const racer = await cloud.addUser(openid, [], '赛跑者');
  await cloud.ok(STAFF, 'points', 'adjust', {
    userId: racer,
    amount: 100,
    reason: '测试积分',
    requestId: 'race-adjust-1',
  });
  const goods = await createGoods(cloud, { name: '毛巾', price: 10, perOrderLimit: 5, perMonthLimit: 20 });
  for (let i = 0; i < 4; i += 1) {
    await cloud.ok(openid, 'mall', 'redeem', {
      goodsId: goods.id,
      quantity: 1,
      requestId: `race-order-${i}`,
    });
  }
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => cloud.call(openid, 'user', 'closeAccount', { acknowledge: true })),
  );
  const ok = answers.filter((r) => r.ok) as { data: { ordersRefunded: number } }[];
  expect(ok.length).toBeGreaterThanOrEqual(1);
  expect(ok.reduce((n, r) => n + r.data.ordersRefunded, 0)).toBe(4);
  const entries = await entriesOf(cloud, racer);
  expect(entries.filter((e) => e.kind === 'refund')).toHaveLength(4);
  expect(new Set(entries.map((e) => e._id)).size).toBe(entries.length);
  expect((await findById<AccountFields>(cloud.deps.db, ACCOUNTS, racer))?.balance).toBe(100);
  expect((await findById<UserFields>(cloud.deps.db, USERS, userIdForOpenid(openid)))?.closures).toBe(1);
});
