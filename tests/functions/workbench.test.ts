/**
 * What the 社区工作台 reads: events by phase (ended ones included), the flags that say who may
 * edit an event and sign neighbours up for it, the neighbours a leader may sign up, and the audit
 * trail by staff member, resident and type, a page at a time.
 */
import type { EventView, UserId } from '../../core/contract';
import { EVENT_PHASES } from '../../core/domain/events';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { publishedEvent } from '../support/events';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const STAFF = 'wx-staff';
const STAFF_2 = 'wx-staff-2';
const LEADER = 'wx-leader';
const VOLUNTEER = 'wx-volunteer';

let cloud: TestCloud;
let leader: UserId;
const phased: Partial<Record<(typeof EVENT_PHASES)[number], EventView>> = {};

beforeAll(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  await cloud.addUser(STAFF_2, ['staff'], '孙干事');
  leader = await cloud.addUser(LEADER, ['volunteer'], '李志愿');
  await cloud.addUser(VOLUNTEER, ['volunteer'], '赵志愿');
  const now = cloud.clock.now();
  const at = (offset: number) => ({
    startAt: now + offset,
    endAt: now + offset + 3 * HOUR_MS,
    signupDeadline: now + offset - HOUR_MS,
  });
  phased.ended = await publishedEvent(cloud, { title: '已结束的活动', ...at(DAY_MS), leaderIds: [leader] });
  phased.ongoing = await publishedEvent(cloud, { title: '进行中的活动', ...at(3 * DAY_MS) });
  phased.upcoming = await publishedEvent(cloud, {
    title: '未开始的活动',
    ...at(10 * DAY_MS),
    leaderIds: [leader],
  });
  const cancelled = await publishedEvent(cloud, { title: '已取消的活动', ...at(5 * DAY_MS) });
  phased.cancelled = await cloud.ok(STAFF, 'events', 'cancel', { eventId: cancelled.id, reason: '场地维修' });
  phased.draft = await cloud.ok(STAFF, 'events', 'save', {
    title: '草稿活动',
    category: 'community',
    place: '社区广场',
    ...at(20 * DAY_MS),
    capacity: 10,
    audience: 'everyone',
  });
  cloud.clock.set(now + 3 * DAY_MS + HOUR_MS);
});

afterAll(() => cloud.close());

test.each(EVENT_PHASES)('活动管理 lists the %s events, and only those', async (phase) => {
  const page = await cloud.ok(STAFF, 'events', 'allEvents', { phase });
  expect(page.items.map((e) => e.title)).toEqual([phased[phase]?.title]);
  expect(page.items[0].phase).toBe(phase);
});

test('without a phase every event is listed, ended ones included', async () => {
  const page = await cloud.ok(STAFF, 'events', 'allEvents', {});
  expect(page.items).toHaveLength(5);
});

test('the flags say who may edit and who may sign neighbours up', async () => {
  const upcoming = phased.upcoming?.id ?? '';
  expect(await cloud.ok(STAFF, 'events', 'get', { eventId: upcoming })).toMatchObject({
    mayEdit: true,
    maySignUpFor: true,
    mayRun: true,
  });
  expect(await cloud.ok(LEADER, 'events', 'get', { eventId: upcoming })).toMatchObject({
    mayEdit: false,
    maySignUpFor: true,
    mayRun: true,
  });
  expect(await cloud.ok(VOLUNTEER, 'events', 'get', { eventId: upcoming })).toMatchObject({
    mayEdit: false,
    maySignUpFor: false,
    mayRun: false,
  });
  // Once sign-up has closed, nobody signs anyone up; a cancelled event is edited no more.
  expect(await cloud.ok(LEADER, 'events', 'get', { eventId: phased.ended?.id ?? '' })).toMatchObject({
    maySignUpFor: false,
    mayRun: true,
  });
  expect(await cloud.ok(STAFF, 'events', 'get', { eventId: phased.cancelled?.id ?? '' })).toMatchObject({
    mayEdit: false,
    maySignUpFor: false,
  });
});

describe('a leader who is not staff signs up a neighbour without a smartphone', () => {
  let managed: UserId;

  beforeAll(async () => {
    managed = (
      await cloud.ok(STAFF, 'user', 'createManagedResident', {
        realName: '张桂英',
        building: '1号楼',
        unit: '101',
      })
    ).id;
    const gone = (await cloud.ok(STAFF, 'user', 'createManagedResident', { realName: '刘德福' })).id;
    await cloud.ok(STAFF, 'user', 'closeResident', { userId: gone, reason: '已搬离社区' });
  });

  test('the candidates are the managed residents still with us, found by name', async () => {
    const eventId = phased.upcoming?.id ?? '';
    const all = await cloud.ok(LEADER, 'events', 'signUpCandidates', { eventId });
    expect(all.items).toEqual([{ id: managed, name: '张桂英', building: '1号楼101' }]);
    const found = await cloud.ok(LEADER, 'events', 'signUpCandidates', { eventId, keyword: '桂英' });
    expect(found.items.map((c) => c.id)).toEqual([managed]);
    expect(await cloud.call(VOLUNTEER, 'events', 'signUpCandidates', { eventId })).toMatchObject({
      ok: false,
      code: 'NOT_LEADER',
    });
  });

  test('what the flag offers the API does: the leader signs them up, audited', async () => {
    const eventId = phased.upcoming?.id ?? '';
    const signed = await cloud.ok(LEADER, 'events', 'signUpFor', { eventId, userId: managed });
    expect(signed).toMatchObject({ name: '张桂英', status: 'confirmed', actedBy: '李志愿' });
    const trail = await cloud.ok(STAFF, 'dashboard', 'audit', { userId: managed, type: 'event' });
    expect(trail.items[0]).toMatchObject({
      action: 'event.sign_up_for',
      actionLabel: '代为报名',
      actorName: '李志愿',
      subjectName: '张桂英',
    });
  });
});

describe('操作记录', () => {
  let resident: UserId;

  beforeAll(async () => {
    resident = await cloud.addUser('wx-resident', [], '周邻居');
    for (let i = 0; i < 30; i += 1) {
      cloud.clock.advance(60_000);
      await cloud.ok(i % 3 === 0 ? STAFF_2 : STAFF, 'points', 'adjust', {
        userId: resident,
        amount: 1,
        reason: `第${i}次补录`,
        requestId: `audit-adjust-${i}`,
      });
    }
    cloud.clock.advance(60_000);
    await cloud.ok(STAFF, 'user', 'grantStaff', { userId: resident });
  });

  test('by staff member: only their acts, newest first, named', async () => {
    const page = await cloud.ok(STAFF, 'dashboard', 'audit', {
      actorId: (await cloud.ok(STAFF_2, 'user', 'login', {})).user.id,
      limit: 50,
    });
    expect(page.items).toHaveLength(10);
    expect(page.items.every((e) => e.actorName === '孙干事' && e.action === 'points.adjust')).toBe(true);
    expect(page.items.map((e) => e.at)).toEqual([...page.items.map((e) => e.at)].sort((a, b) => b - a));
  });

  test('by resident: acts for them and on them (a role granted), typed and worded', async () => {
    const page = await cloud.ok(STAFF, 'dashboard', 'audit', { userId: resident, limit: 50 });
    expect(page.items).toHaveLength(31);
    expect(page.items[0]).toMatchObject({
      action: 'role.grant_staff',
      type: 'resident',
      actionLabel: '设为社区工作人员',
      subjectName: '周邻居',
    });
    expect(page.items[1]).toMatchObject({
      type: 'points',
      typeLabel: '积分',
      detail: '+1 第29次补录',
      subjectName: '周邻居',
    });
  });

  test('by type, a page at a time: neither an entry skipped nor one repeated', async () => {
    const seen: string[] = [];
    let cursor: { at: number; id: string } | undefined;
    do {
      const page = await cloud.ok(STAFF, 'dashboard', 'audit', {
        type: 'points',
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });
});
