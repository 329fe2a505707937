import type { EventId, UserId } from '../../core/contract';
import { HOUR_MS, MINUTE_MS, DAY_MS } from '../../core/time';
import { autoCloseHours, remindParticipants } from '../../cloudfunctions/events/jobs';
import { ENTRIES } from '../../cloudfunctions/points/ledger';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { editInput, publishedEvent, STAFF, tokenFor } from '../support/events';
import { expectConsistent } from '../support/mall';

let cloud: TestCloud;
let liId: UserId;
let elderId: UserId;

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  liId = await cloud.addUser('wx-li', ['volunteer'], '李志愿');
  await cloud.addUser('wx-zhou', [], '周邻居');
  elderId = (await cloud.ok(STAFF, 'user', 'createManagedResident', { realName: '张桂英' })).id;
});
afterEach(() => cloud.close());

describe('publishing and browsing', () => {
  test('drafts are hidden until published; the list filters by category and day', async () => {
    const startAt = cloud.clock.now() + DAY_MS;
    const draft = await cloud.ok(STAFF, 'events', 'save', {
      title: '垃圾分类宣传',
      category: 'community',
      place: '小区广场',
      startAt,
      endAt: startAt + 2 * HOUR_MS,
      signupDeadline: startAt,
      capacity: 5,
      audience: 'everyone',
    });
    expect(draft).toMatchObject({
      status: 'draft',
      pointsPerHour: 1,
      maxPoints: 2,
      checkinMarginMinutes: 30,
    });
    expect(await cloud.call('wx-zhou', 'events', 'get', { eventId: draft.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.ok('wx-zhou', 'events', 'list', {})).toEqual([]);
    await cloud.ok(STAFF, 'events', 'publish', { eventId: draft.id });
    const volunteer = await publishedEvent(cloud);
    expect((await cloud.ok('wx-zhou', 'events', 'list', {})).map((e) => e.title)).toEqual([
      '垃圾分类宣传',
      '重阳节敬老服务',
    ]);
    expect((await cloud.ok('wx-zhou', 'events', 'list', { category: 'volunteer' })).map((e) => e.id)).toEqual(
      [volunteer.id],
    );
    expect((await cloud.ok('wx-zhou', 'events', 'list', { day: startAt })).map((e) => e.id)).toEqual([
      draft.id,
    ]);
  });

  test('bad times are refused with the field named', async () => {
    const startAt = cloud.clock.now() + DAY_MS;
    const res = await cloud.call(STAFF, 'events', 'save', {
      title: '时间写反了',
      category: 'community',
      place: '小区广场',
      startAt,
      endAt: startAt - 1,
      signupDeadline: startAt,
      capacity: 5,
      audience: 'everyone',
    });
    expect(res).toMatchObject({ code: 'INVALID_INPUT', message: '结束时间须晚于开始时间', field: 'endAt' });
  });

  test('cancelling an event notifies everyone signed up, waitlisted included', async () => {
    const event = await publishedEvent(cloud, { capacity: 1 });
    await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id });
    await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id });
    const cancelled = await cloud.ok(STAFF, 'events', 'cancel', { eventId: event.id, reason: '台风预警' });
    expect(cancelled.status).toBe('cancelled');
    expect(await cloud.count(NOTIFICATIONS, { template: 'event_cancelled' })).toBe(2);
    expect((await cloud.ok('wx-zhou', 'user', 'listOutbox', {})).items[0].body).toContain('台风预警');
  });

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
});

describe('sign-up, cancel and waitlist', () => {
  test('seats, then the waitlist in order; a cancellation promotes the first waiting, who is notified', async () => {
    const event = await publishedEvent(cloud, { capacity: 1 });
    const chen = await cloud.addUser('wx-chen', [], '陈建国');
    expect((await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id })).mine).toMatchObject({
      status: 'confirmed',
    });
    expect((await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id })).mine).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect((await cloud.ok('wx-chen', 'events', 'signUp', { eventId: event.id })).mine).toMatchObject({
      waitlistPosition: 2,
    });
    expect(await cloud.call('wx-li', 'events', 'signUp', { eventId: event.id })).toMatchObject({
      code: 'ALREADY_SIGNED_UP',
    });

    await cloud.ok('wx-li', 'events', 'cancelSignUp', { eventId: event.id });
    const zhou = await cloud.ok('wx-zhou', 'events', 'get', { eventId: event.id });
    expect(zhou).toMatchObject({ confirmedCount: 1, waitlistCount: 1, mine: { status: 'confirmed' } });
    expect((await cloud.ok('wx-chen', 'events', 'get', { eventId: event.id })).mine?.waitlistPosition).toBe(
      1,
    );
    expect((await cloud.ok('wx-zhou', 'user', 'listOutbox', {})).items[0].title).toBe(
      '候补成功：重阳节敬老服务',
    );
    expect(chen).toBeTruthy();

    // A waitlisted resident leaving frees nothing and promotes no one.
    await cloud.ok('wx-chen', 'events', 'cancelSignUp', { eventId: event.id });
    expect(await cloud.ok('wx-zhou', 'events', 'get', { eventId: event.id })).toMatchObject({
      confirmedCount: 1,
      waitlistCount: 0,
    });
    // Signing up again after cancelling works.
    expect((await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id })).mine?.status).toBe(
      'waitlisted',
    );
  });

  test('no sign-up or cancel after the deadline, and only the audience may join', async () => {
    const event = await publishedEvent(cloud, { audience: 'volunteers' });
    expect(await cloud.call('wx-zhou', 'events', 'signUp', { eventId: event.id })).toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id });
    cloud.clock.set(event.signupDeadline + 1);
    await cloud.addUser('wx-late', ['volunteer']);
    expect(await cloud.call('wx-late', 'events', 'signUp', { eventId: event.id })).toMatchObject({
      code: 'SIGNUP_CLOSED',
    });
    expect(await cloud.call('wx-li', 'events', 'cancelSignUp', { eventId: event.id })).toMatchObject({
      code: 'SIGNUP_CLOSED',
    });
  });

  test('staff or a leader sign up a managed resident; the record shows who acted', async () => {
    const event = await publishedEvent(cloud, { leaderIds: [liId] });
    const byLeader = await cloud.ok('wx-li', 'events', 'signUpFor', { eventId: event.id, userId: elderId });
    expect(byLeader).toMatchObject({ name: '张桂英', managed: true, status: 'confirmed', actedBy: '李志愿' });
    expect(await cloud.count(AUDIT, { action: 'event.sign_up_for', onBehalfOf: elderId })).toBe(1);
    const zhouId = (await cloud.ok('wx-zhou', 'user', 'login', {})).user.id;
    expect(
      await cloud.call(STAFF, 'events', 'signUpFor', { eventId: event.id, userId: zhouId }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await cloud.addUser('wx-other-volunteer', ['volunteer']);
    expect(
      await cloud.call('wx-other-volunteer', 'events', 'signUpFor', { eventId: event.id, userId: elderId }),
    ).toMatchObject({
      code: 'NOT_LEADER',
    });
  });

  test('participants are reminded once before the start', async () => {
    const event = await publishedEvent(cloud);
    await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id });
    expect(await remindParticipants.run(cloud.deps)).toBe('reminded 0 participants');
    cloud.clock.set(event.startAt - HOUR_MS);
    const [a, b] = await Promise.all([
      remindParticipants.run(cloud.deps),
      remindParticipants.run(cloud.deps),
    ]);
    expect([a, b].sort()).toEqual(['reminded 0 participants', 'reminded 1 participants']);
    expect(await cloud.count(NOTIFICATIONS, { template: 'event_reminder' })).toBe(1);
  });

  test('new seats go to the people already waiting, in order; newcomers queue behind them', async () => {
    const event = await publishedEvent(cloud, { capacity: 1 });
    for (const who of ['wx-a', 'wx-b', 'wx-c']) {
      await cloud.addUser(who);
      await cloud.ok(who, 'events', 'signUp', { eventId: event.id });
    }
    const input = editInput(event);
    const raised = await cloud.ok(STAFF, 'events', 'save', { ...input, capacity: 2 });
    expect(raised).toMatchObject({ confirmedCount: 2, waitlistCount: 1 });
    expect((await cloud.ok('wx-b', 'events', 'get', { eventId: event.id })).mine?.status).toBe('confirmed');
    expect((await cloud.ok('wx-b', 'user', 'listOutbox', {})).items[0].title).toContain('候补成功');
    await cloud.ok(STAFF, 'events', 'save', { ...input, capacity: 4 });
    await cloud.addUser('wx-d');
    // wx-c was promoted by the second raise; one seat is left and nobody waits: wx-d gets it.
    expect((await cloud.ok('wx-d', 'events', 'signUp', { eventId: event.id })).mine?.status).toBe(
      'confirmed',
    );
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

  test('the view says what a tap on 报名 would give each viewer, and who may run the event', async () => {
    const event = await publishedEvent(cloud, { capacity: 1, audience: 'volunteers', leaderIds: [liId] });
    const asLi = await cloud.ok('wx-li', 'events', 'get', { eventId: event.id });
    expect(asLi).toMatchObject({ signup: 'confirmed', mayCancel: false, mayRun: true });
    expect(await cloud.ok('wx-zhou', 'events', 'get', { eventId: event.id })).toMatchObject({
      signup: 'not_eligible',
      mayRun: false,
    });
    expect(await cloud.ok(STAFF, 'events', 'get', { eventId: event.id })).toMatchObject({ mayRun: true });
    const joined = await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id });
    expect(joined).toMatchObject({ signup: 'joined', mayCancel: true });
    await cloud.addUser('wx-chen', ['volunteer']);
    expect(await cloud.ok('wx-chen', 'events', 'get', { eventId: event.id })).toMatchObject({
      signup: 'waitlisted',
    });
    cloud.clock.set(event.signupDeadline + 1);
    expect(await cloud.ok('wx-li', 'events', 'get', { eventId: event.id })).toMatchObject({
      signup: 'joined',
      mayCancel: false,
    });
    expect(await cloud.ok('wx-chen', 'events', 'get', { eventId: event.id })).toMatchObject({
      signup: 'closed',
    });
  });
});

describe('check-in and check-out', () => {
  let eventId: EventId;
  beforeEach(async () => {
    const event = await publishedEvent(cloud, { leaderIds: [liId] });
    eventId = event.id;
    await cloud.ok('wx-zhou', 'events', 'signUp', { eventId });
    await cloud.ok(STAFF, 'events', 'signUpFor', { eventId: event.id, userId: elderId });
    cloud.clock.set(event.startAt - 10 * MINUTE_MS);
  });

  test('with the leader’s current code; the server’s time is recorded', async () => {
    const code = await cloud.ok('wx-li', 'events', 'checkinCode', { eventId: eventId, purpose: 'in' });
    // The QR holds a link for WeChat's 扫一扫; the page gets it back as `q`, percent-encoded.
    expect(code.payload).toBe(`https://linlitong.example.cn/checkin?t=${code.token}`);
    expect(code.phrase).toMatch(/^\d{6}$/);
    const checkedIn = await cloud.ok('wx-zhou', 'events', 'checkIn', {
      token: code.payload,
      eventId: eventId,
    });
    expect(checkedIn.mine).toMatchObject({ checkInAt: cloud.clock.now(), checkOutAt: null });
    expect(await cloud.call('wx-zhou', 'events', 'checkIn', { token: code.token })).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
    });

    cloud.clock.advance(2 * HOUR_MS);
    const out = await tokenFor(cloud, eventId, 'out');
    expect((await cloud.ok('wx-zhou', 'events', 'checkOut', { token: out })).mine?.checkOutAt).toBe(
      cloud.clock.now(),
    );
    expect(await cloud.call('wx-zhou', 'events', 'checkOut', { token: out })).toMatchObject({
      code: 'ALREADY_CHECKED_OUT',
    });
  });

  test('as WeChat opens the page from the QR (the link in `q`), or by the 口令 typed', async () => {
    const inCode = await cloud.ok('wx-li', 'events', 'checkinCode', { eventId, purpose: 'in' });
    const opened = await cloud.ok('wx-zhou', 'events', 'checkIn', {
      token: encodeURIComponent(inCode.payload),
    });
    expect(opened.mine?.checkInAt).toBe(cloud.clock.now());

    cloud.clock.advance(HOUR_MS);
    const outCode = await cloud.ok('wx-li', 'events', 'checkinCode', { eventId, purpose: 'out' });
    // A 签到 口令 does not check out, and a wrong one is refused in plain words.
    expect(await cloud.call('wx-zhou', 'events', 'checkOut', { token: inCode.phrase })).toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const wrong = String((Number(outCode.phrase) + 1) % 1_000_000).padStart(6, '0');
    expect(await cloud.call('wx-zhou', 'events', 'checkOut', { token: wrong })).toMatchObject({
      code: 'TOKEN_INVALID',
      message: '口令不对或已过期，请核对负责人手机上的口令',
    });
    const out = await cloud.ok('wx-zhou', 'events', 'checkOut', {
      token: `${outCode.phrase.slice(0, 3)} ${outCode.phrase.slice(3)}`,
    });
    expect(out.mine?.checkOutAt).toBe(cloud.clock.now());
  });

  test('a 口令 opens only the caller’s own seat, and only while its step lasts', async () => {
    const { phrase } = await cloud.ok('wx-li', 'events', 'checkinCode', { eventId, purpose: 'in' });
    // Li leads the event but has no seat at it: the 口令 finds nothing of his.
    expect(await cloud.call('wx-li', 'events', 'checkIn', { token: phrase })).toMatchObject({
      code: 'TOKEN_INVALID',
    });
    cloud.clock.advance(65_000);
    expect(await cloud.call('wx-zhou', 'events', 'checkIn', { token: phrase })).toMatchObject({
      code: 'TOKEN_INVALID',
    });
    expect((await cloud.ok('wx-zhou', 'events', 'get', { eventId })).mine?.checkInAt).toBeNull();
  });

  test('each way a scan can be wrong has its own clear answer', async () => {
    const stale = await tokenFor(cloud, eventId, 'in');
    cloud.clock.advance(60_000);
    expect(await cloud.call('wx-zhou', 'events', 'checkIn', { token: stale })).toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    const fresh = await tokenFor(cloud, eventId, 'in');
    expect(
      await cloud.call('wx-zhou', 'events', 'checkIn', { token: fresh.slice(0, -2) + 'xx' }),
    ).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await cloud.call('wx-zhou', 'events', 'checkOut', { token: fresh })).toMatchObject({
      code: 'TOKEN_WRONG_PURPOSE',
    });
    const other = await publishedEvent(cloud, { title: '另一个活动' });
    expect(
      await cloud.call('wx-zhou', 'events', 'checkIn', { token: fresh, eventId: other.id }),
    ).toMatchObject({
      code: 'TOKEN_WRONG_EVENT',
    });
    expect(await cloud.call('wx-li', 'events', 'checkIn', { token: fresh })).toMatchObject({
      code: 'NOT_SIGNED_UP',
    });
    const out = await tokenFor(cloud, eventId, 'out');
    expect(await cloud.call('wx-zhou', 'events', 'checkOut', { token: out })).toMatchObject({
      code: 'NOT_CHECKED_IN',
    });
    cloud.clock.set((await cloud.ok('wx-zhou', 'events', 'get', { eventId: eventId })).startAt - HOUR_MS);
    expect(
      await cloud.call('wx-zhou', 'events', 'checkIn', { token: await tokenFor(cloud, eventId, 'in') }),
    ).toMatchObject({
      code: 'OUTSIDE_WINDOW',
    });
    expect(
      await cloud.call('wx-zhou', 'events', 'checkinCode', { eventId: eventId, purpose: 'in' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  test('the leader checks in by 电子志愿者证 or marks a managed resident present, and is recorded', async () => {
    const card = await cloud.call('wx-zhou', 'events', 'myVolunteerCard', {});
    expect(card).toMatchObject({ code: 'FORBIDDEN' });
    await cloud.ok('wx-zhou', 'user', 'registerVolunteer', { realName: '周明', agreeToRecordKeeping: true });
    const { code, number } = await cloud.ok('wx-zhou', 'events', 'myVolunteerCard', {});
    expect(number).toMatch(/^\d{8}$/);
    const zhou = await cloud.ok('wx-li', 'events', 'leaderCheck', {
      eventId: eventId,
      purpose: 'in',
      cardCode: code,
    });
    expect(zhou.checkInAt).toBe(cloud.clock.now());
    // The 证号 typed instead of the QR scanned: the same participant, looked up in this event.
    cloud.clock.advance(HOUR_MS);
    const typed = await cloud.ok('wx-li', 'events', 'leaderCheck', {
      eventId,
      purpose: 'out',
      cardCode: `${number.slice(0, 4)} ${number.slice(4)}`,
    });
    expect(typed).toMatchObject({ name: '周邻居', checkOutAt: cloud.clock.now() });
    // Li's own 证号 is real, but Li has no seat at this event.
    const lis = await cloud.ok('wx-li', 'events', 'myVolunteerCard', {});
    expect(
      await cloud.call('wx-li', 'events', 'leaderCheck', { eventId, purpose: 'in', cardCode: lis.number }),
    ).toMatchObject({ code: 'TOKEN_INVALID', message: '证号不对，或此人没有报名本活动' });
    expect(
      await cloud.call('wx-li', 'events', 'leaderCheck', {
        eventId: eventId,
        purpose: 'in',
        cardCode: code + 'x',
      }),
    ).toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const elder = await cloud.ok('wx-li', 'events', 'leaderCheck', {
      eventId: eventId,
      purpose: 'in',
      userId: elderId,
    });
    expect(elder).toMatchObject({ name: '张桂英', checkInAt: cloud.clock.now() });
    const zhouId = (await cloud.ok('wx-zhou', 'user', 'login', {})).user.id;
    expect(
      await cloud.call('wx-li', 'events', 'leaderCheck', {
        eventId: eventId,
        purpose: 'out',
        userId: zhouId,
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await cloud.count(AUDIT, { action: 'event.leader_check_in' })).toBe(2);
  });
});

describe('hours and points', () => {
  test('the leader confirms everyone at once, editing one with a reason; points are paid once', async () => {
    const event = await publishedEvent(cloud, { leaderIds: [liId] });
    await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id });
    await cloud.ok(STAFF, 'events', 'signUpFor', { eventId: event.id, userId: elderId });
    cloud.clock.set(event.startAt);
    await cloud.ok('wx-zhou', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
    await cloud.ok('wx-li', 'events', 'leaderCheck', { eventId: event.id, purpose: 'in', userId: elderId });
    cloud.clock.set(event.startAt + 2 * HOUR_MS + 30 * MINUTE_MS);
    await cloud.ok('wx-zhou', 'events', 'checkOut', { token: await tokenFor(cloud, event.id, 'out') });

    expect(
      await cloud.call('wx-li', 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
    ).toMatchObject({
      code: 'EVENT_NOT_ENDED',
    });
    cloud.clock.set(event.endAt + HOUR_MS);
    const before = await cloud.ok('wx-li', 'events', 'participants', { eventId: event.id });
    expect(before.map((p) => [p.name, p.proposedMinutes])).toEqual([
      ['周邻居', 150],
      ['张桂英', 180],
    ]);
    const noReason = await cloud.call('wx-li', 'events', 'confirmHours', {
      eventId: event.id,
      adjustments: [{ userId: elderId, minutes: 60, reason: '' }],
    });
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', message: '修改时长请填写原因' });
    const confirmed = await cloud.ok('wx-li', 'events', 'confirmHours', {
      eventId: event.id,
      adjustments: [{ userId: elderId, minutes: 60, reason: '中途身体不适提前离开' }],
    });
    expect(confirmed.map((p) => [p.name, p.confirmedMinutes, p.points])).toEqual([
      ['周邻居', 150, 2],
      ['张桂英', 60, 1],
    ]);
    expect(await cloud.count(AUDIT, { action: 'event.adjust_hours', onBehalfOf: elderId })).toBe(1);
    await cloud.ok('wx-li', 'events', 'confirmHours', { eventId: event.id, adjustments: [] });
    await autoCloseHours.run(cloud.deps);
    expect(await cloud.count(ENTRIES, { kind: 'service' })).toBe(2);
    expect(await cloud.ok('wx-zhou', 'points', 'myAccount', {})).toMatchObject({ balance: 2 });
    const history = await cloud.ok('wx-zhou', 'points', 'myHistory', {});
    expect(history.items[0]).toMatchObject({
      description: '志愿服务：重阳节敬老服务 2.5 小时',
      // The resident can follow the entry to the event that earned it.
      sourceType: 'event',
      sourceId: event.id,
    });
    await expectConsistent(cloud);
  });

  test('unconfirmed participations close 24 h after the end, up to the scheduled length', async () => {
    const event = await publishedEvent(cloud);
    await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id });
    await cloud.ok('wx-li', 'events', 'signUp', { eventId: event.id });
    cloud.clock.set(event.startAt + HOUR_MS);
    await cloud.ok('wx-zhou', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
    cloud.clock.set(event.endAt + DAY_MS - 1);
    expect(await autoCloseHours.run(cloud.deps)).toBe('closed 0 participations');
    cloud.clock.advance(1);
    expect(await autoCloseHours.run(cloud.deps)).toBe('closed 2 participations');
    expect((await cloud.ok('wx-zhou', 'events', 'get', { eventId: event.id })).mine).toMatchObject({
      minutes: 120,
      points: 2,
    });
    expect((await cloud.ok('wx-li', 'events', 'get', { eventId: event.id })).mine).toMatchObject({
      minutes: 0,
      points: 0,
    });
  });

  test('confirmation racing the auto-close job pays each participation exactly once', async () => {
    const event = await publishedEvent(cloud, { leaderIds: [liId], capacity: 30 });
    for (let i = 0; i < 20; i += 1) {
      await cloud.addUser(`wx-v${i}`, [], `志愿者${i}`);
      await cloud.ok(`wx-v${i}`, 'events', 'signUp', { eventId: event.id });
    }
    cloud.clock.set(event.startAt);
    for (let i = 0; i < 20; i += 1)
      await cloud.ok(`wx-v${i}`, 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
    cloud.clock.set(event.endAt + DAY_MS);
    await Promise.all([
      cloud.ok('wx-li', 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
      autoCloseHours.run(cloud.deps),
      autoCloseHours.run(cloud.deps),
      cloud.ok(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
    ]);
    expect(await cloud.count(ENTRIES, { kind: 'service' })).toBe(20);
    for (let i = 0; i < 20; i += 1)
      expect((await cloud.ok(`wx-v${i}`, 'points', 'myAccount', {})).balance).toBe(3);
    await expectConsistent(cloud);
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

  test('a leader cannot edit their own hours', async () => {
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
});

describe('service record', () => {
  test('lists served events with hours, points and organiser, with totals per year', async () => {
    const event = await publishedEvent(cloud);
    await cloud.ok('wx-zhou', 'user', 'registerVolunteer', { realName: '周明', agreeToRecordKeeping: true });
    await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id });
    cloud.clock.set(event.startAt);
    await cloud.ok('wx-zhou', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
    cloud.clock.set(event.endAt + DAY_MS);
    await autoCloseHours.run(cloud.deps);
    const record = await cloud.ok('wx-zhou', 'events', 'myServiceRecord', {});
    expect(record).toMatchObject({
      realName: '周明',
      totalMinutes: 180,
      rows: [{ title: '重阳节敬老服务', minutes: 180, points: 3, organiser: '幸福里社区居民委员会' }],
      years: [{ year: 2026, minutes: 180, points: 3, count: 1 }],
    });
    // The chart: twelve months, this one last, the hours in the month the service was.
    expect(record.months).toHaveLength(12);
    expect(record.months.map((m) => m.minutes)).toEqual([...Array(11).fill(0), 180]);
    expect(record.months[11]).toMatchObject({ key: '2026-11', label: '11月' });
  });

  test('hours per month follow the community calendar, and months with no service show none', async () => {
    await cloud.ok('wx-zhou', 'user', 'registerVolunteer', { realName: '周明', agreeToRecordKeeping: true });
    const served = async (startAt: number) => {
      const event = await publishedEvent(cloud, {
        startAt,
        endAt: startAt + 2 * HOUR_MS,
        signupDeadline: startAt - HOUR_MS,
      });
      await cloud.ok('wx-zhou', 'events', 'signUp', { eventId: event.id });
      cloud.clock.set(event.startAt);
      await cloud.ok('wx-zhou', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
      cloud.clock.set(event.endAt + DAY_MS);
      await autoCloseHours.run(cloud.deps);
    };
    // 2026-11-30 23:00 in Shanghai is still November there (15:00 UTC); 12-01 00:30 is December.
    await served(Date.UTC(2026, 10, 30, 15, 0));
    cloud.clock.set(Date.UTC(2026, 10, 30, 15, 30));
    await served(Date.UTC(2026, 10, 30, 16, 30));
    const record = await cloud.ok('wx-zhou', 'events', 'myServiceRecord', {});
    const byKey = Object.fromEntries(record.months.map((m) => [m.key, m.minutes]));
    expect(byKey).toMatchObject({ '2026-11': 120, '2026-12': 120, '2026-10': 0 });
    expect(record.months[record.months.length - 1].key).toBe('2026-12');
    expect(record.months.reduce((sum, m) => sum + m.minutes, 0)).toBe(record.totalMinutes);
  });
});

test('我的活动 lists the events a volunteer leads', async () => {
  const event = await publishedEvent(cloud, { leaderIds: [liId] });
  await publishedEvent(cloud, { title: '别人负责的活动' });
  const mine = await cloud.ok('wx-li', 'events', 'mine', {});
  expect(mine.leading.map((e) => e.id)).toEqual([event.id]);
  expect(mine.leading[0].isLeader).toBe(true);
});

test('a volunteer is told once when their hours are confirmed and the points credited', async () => {
  const cloud = startTestCloud();
  try {
    await cloud.addUser(STAFF, ['staff']);
    await cloud.addUser('wx-helper', ['volunteer'], '小帮手');
    const event = await publishedEvent(cloud, { pointsPerHour: 2 });
    await cloud.ok('wx-helper', 'events', 'signUp', { eventId: event.id });
    cloud.clock.set(event.startAt);
    await cloud.ok('wx-helper', 'events', 'checkIn', {
      eventId: event.id,
      token: await tokenFor(cloud, event.id, 'in'),
    });
    cloud.clock.set(event.endAt + 1);
    await Promise.all([
      cloud.ok(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
      cloud.ok(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
    ]);
    const told = (await cloud.ok('wx-helper', 'user', 'listOutbox', {})).items.filter(
      (m) => m.template === 'hours_confirmed',
    );
    expect(told).toEqual([
      expect.objectContaining({
        title: `服务时长已确认：${event.title}`,
        body: expect.stringMatching(/获得 6 积分/),
      }),
    ]);
    expect((await cloud.ok('wx-helper', 'points', 'myAccount', {})).balance).toBe(6);
  } finally {
    cloud.close();
  }
});
