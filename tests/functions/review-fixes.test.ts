/** Regressions for defects found in review: each test failed before its fix. */
import { DAY_MS, HOUR_MS } from '../../core/time';
import { autoCloseHours } from '../../cloudfunctions/events/jobs';
import { dispatch } from '../../cloudfunctions/runtime/dispatch';
import type { Job } from '../../cloudfunctions/runtime/jobs';
import { ENTRIES } from '../../cloudfunctions/points/ledger';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, publishedEvent, tokenFor } from '../support/events';
import { createGoods } from '../support/mall';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
});
afterEach(() => cloud.close());

test('an event’s time cannot move once people have signed up (their hours would be closed at the old time)', async () => {
  const event = await publishedEvent(cloud);
  const edit = {
    ...event,
    eventId: event.id,
    title: event.title,
    category: event.category,
    place: event.place,
  };
  const input = {
    eventId: event.id,
    title: edit.title,
    category: edit.category,
    place: edit.place,
    startAt: event.startAt + 7 * DAY_MS,
    endAt: event.endAt + 7 * DAY_MS,
    signupDeadline: event.signupDeadline + 7 * DAY_MS,
    capacity: event.capacity,
    audience: event.audience,
  };
  expect((await cloud.call(STAFF, 'events', 'save', input)).ok).toBe(true);
  await cloud.addUser('wx-zhou');
  await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id });
  const moved = await cloud.call(STAFF, 'events', 'save', {
    ...input,
    startAt: input.startAt + DAY_MS,
    endAt: input.endAt + DAY_MS,
  });
  expect(moved).toMatchObject({ code: 'CONFLICT' });
  expect((await cloud.call(STAFF, 'events', 'save', { ...input, place: '社区广场' })).ok).toBe(true);
});

test('a cancelled event pays no hours: its sign-ups are cancelled and confirmation is refused', async () => {
  const leader = await cloud.addUser('wx-leader', ['volunteer']);
  const event = await publishedEvent(cloud, { leaderIds: [leader] });
  await cloud.ok('wx-leader', 'events', 'signUp', { eventId: event.id });
  cloud.clock.set(event.startAt);
  await cloud.ok('wx-leader', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
  await cloud.ok(STAFF, 'events', 'cancel', { eventId: event.id, reason: '暴雨' });
  cloud.clock.set(event.endAt + 2 * DAY_MS);
  expect(
    await cloud.call('wx-leader', 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
  ).toMatchObject({
    code: 'EVENT_NOT_OPEN',
  });
  expect(await autoCloseHours.run(cloud.deps)).toBe('closed 0 participations');
  expect(await cloud.count(ENTRIES, { kind: 'service' })).toBe(0);
  expect((await cloud.ok('wx-leader', 'events', 'get', { eventId: event.id })).mine?.status).toBe(
    'cancelled',
  );
});

test('a request that carries a caller never runs a scheduled job, whatever its body says', async () => {
  const job: Job = { name: 'autoCloseHours', cron: '', everyMs: 1, run: jest.fn(async () => 'ran') };
  const route = jest.fn(async () => ({ ok: false as const, code: 'UNKNOWN_ACTION' as const, message: '' }));
  const timer = { Type: 'Timer', TriggerName: 'autoCloseHours' };
  expect(await dispatch(timer, 'wx-someone', route, [job], cloud.deps)).toMatchObject({ ok: false });
  expect(job.run).not.toHaveBeenCalled();
  expect(route).toHaveBeenCalledWith(timer, { openid: 'wx-someone' }, cloud.deps);
  expect(await dispatch(timer, null, route, [job], cloud.deps)).toEqual({ ok: true, data: 'ran' });
});

test('new seats go to the people already waiting, in order; newcomers queue behind them', async () => {
  const event = await publishedEvent(cloud, { capacity: 1 });
  for (const who of ['wx-a', 'wx-b', 'wx-c']) {
    await cloud.addUser(who);
    await cloud.ok(who, 'events', 'signUp', { eventId: event.id });
  }
  const input = {
    eventId: event.id,
    title: event.title,
    category: event.category,
    place: event.place,
    startAt: event.startAt,
    endAt: event.endAt,
    signupDeadline: event.signupDeadline,
    audience: event.audience,
  };
  const raised = await cloud.ok(STAFF, 'events', 'save', { ...input, capacity: 2 });
  expect(raised).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
  expect((await cloud.ok('wx-b', 'events', 'get', { eventId: event.id })).mine?.status).toBe('confirmed');
  expect((await cloud.ok('wx-b', 'user', 'listOutbox', {}))[0].title).toContain('候补成功');
  await cloud.ok(STAFF, 'events', 'save', { ...input, capacity: 4 });
  await cloud.addUser('wx-d');
  // wx-c was promoted by the second raise; one seat is left and nobody waits: wx-d gets it.
  expect((await cloud.ok('wx-d', 'events', 'signUp', { eventId: event.id })).mine?.status).toBe('confirmed');
  const full = await publishedEvent(cloud, { capacity: 1, title: '满员活动' });
  await cloud.ok('wx-a', 'events', 'signUp', { eventId: full.id });
  await cloud.ok('wx-b', 'events', 'signUp', { eventId: full.id });
  await cloud.ok(STAFF, 'events', 'save', {
    ...input,
    eventId: full.id,
    title: full.title,
    startAt: full.startAt,
    endAt: full.endAt,
    signupDeadline: full.signupDeadline,
    capacity: 1,
  });
  expect((await cloud.ok('wx-c', 'events', 'signUp', { eventId: full.id })).mine).toMatchObject({
    status: 'waitlisted',
    waitlistPosition: 2,
  });
});

test('becoming a volunteer keeps a role granted at the same moment', async () => {
  const zhou = await cloud.addUser('wx-zhou');
  const app = await cloud.ok('wx-zhou', 'user', 'applyPartyMember', {
    realName: '周明',
    partyOrg: '某党支部',
    workplace: '某单位',
  });
  await Promise.all([
    cloud.ok('wx-zhou', 'user', 'registerVolunteer', { realName: '周明', agreeToRecordKeeping: true }),
    cloud.ok(STAFF, 'user', 'decideApplication', { applicationId: app.id, approve: true }),
    cloud.ok(STAFF, 'user', 'grantStaff', { userId: zhou }),
  ]);
  expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user.roles.sort()).toEqual([
    'party_member',
    'resident',
    'staff',
    'volunteer',
  ]);
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

test('nobody pays themselves: staff cannot adjust their own points, leaders cannot edit their own hours', async () => {
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
  const leader = await cloud.addUser('wx-leader', ['volunteer']);
  const event = await publishedEvent(cloud, { leaderIds: [leader] });
  await cloud.ok('wx-leader', 'events', 'signUp', { eventId: event.id });
  cloud.clock.set(event.endAt + HOUR_MS);
  expect(
    await cloud.call('wx-leader', 'events', 'confirmHours', {
      eventId: event.id,
      adjustments: [{ userId: leader, minutes: 180, reason: '我一直都在' }],
    }),
  ).toMatchObject({ code: 'FORBIDDEN' });
});
