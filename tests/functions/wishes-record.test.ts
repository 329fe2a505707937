/** The 双报到 service record: fulfilled wishes and served events with hours, apart from points. */
import { HOUR_MS } from '../../core/time';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { createGoods } from '../support/mall';
import { publishedEvent, tokenFor } from '../support/events';
import { MEMBER, NEIGHBOUR, POSTER, STAFF, community, fulfilledWish, openWish } from '../support/wishes';

let cloud: TestCloud;

beforeEach(async () => {
  cloud = startTestCloud();
  await community(cloud);
  // 陈建国 becomes a verified member the usual way, which records his party organisation.
  await cloud.addUser('wx-applicant', [], '刘申请');
  const application = await cloud.ok('wx-applicant', 'user', 'applyPartyMember', {
    realName: '刘德华',
    partyOrg: '区税务局第一党支部',
    workplace: '区税务局',
  });
  await cloud.ok(STAFF, 'user', 'decideApplication', { applicationId: application.id, approve: true });
});
afterEach(() => cloud.close());

const APPLICANT = 'wx-applicant';

/** A fulfilled and confirmed wish, and two hours served at an event, by the applicant. */
async function serve() {
  const wish = await fulfilledWish(cloud, APPLICANT);
  await cloud.ok(POSTER, 'wishes', 'confirm', { wishId: wish.id, thanks: '谢谢' });
  // A released claim is not service, and does not count.
  const other = await openWish(cloud, NEIGHBOUR);
  await cloud.ok(APPLICANT, 'wishes', 'claim', { wishId: other.id });
  await cloud.ok(APPLICANT, 'wishes', 'release', { wishId: other.id, reason: '时间冲突' });

  const event = await publishedEvent(cloud, { title: '社区义诊' });
  await cloud.ok(APPLICANT, 'events', 'signUp', { eventId: event.id });
  cloud.clock.set(event.startAt);
  await cloud.ok(APPLICANT, 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
  cloud.clock.advance(2 * HOUR_MS);
  await cloud.ok(APPLICANT, 'events', 'checkOut', { token: await tokenFor(cloud, event.id, 'out') });
  cloud.clock.set(event.endAt + HOUR_MS);
  await cloud.ok(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] });
  return { wish, event };
}

test('a member sees their year: wishes, events, hours, organisation and the community', async () => {
  const { wish, event } = await serve();
  const record = await cloud.ok(APPLICANT, 'wishes', 'myRecord', {});
  expect(record).toMatchObject({
    member: '刘德华',
    partyOrg: '区税务局第一党支部',
    workplace: '区税务局',
    year: 2026,
    years: [2026],
    communityName: '幸福里社区',
    organiser: '幸福里社区居民委员会',
    wishes: [{ kind: 'wish', kindLabel: '微心愿', title: wish.title, minutes: 0 }],
    events: [{ kind: 'event', kindLabel: '志愿活动', title: '社区义诊', at: event.startAt, minutes: 120 }],
    totals: { wishes: 1, events: 1, minutes: 120, hoursLabel: '2 小时' },
  });
  expect(record.to).toBe(cloud.clock.now());
  expect((await cloud.ok(APPLICANT, 'wishes', 'myRecord', { year: 2025 })).totals).toMatchObject({
    wishes: 0,
    events: 0,
  });
});

test('spending points never shrinks the record', async () => {
  await serve();
  const before = await cloud.ok(APPLICANT, 'wishes', 'myRecord', {});
  const balance = (await cloud.ok(APPLICANT, 'points', 'myAccount', {})).balance;
  expect(balance).toBe(5 + 2);
  const goods = await createGoods(cloud, { price: balance, perOrderLimit: 1, perMonthLimit: 1 });
  await cloud.ok(APPLICANT, 'mall', 'redeem', {
    goodsId: goods.id,
    quantity: 1,
    requestId: 'spend-all-points',
  });
  expect((await cloud.ok(APPLICANT, 'points', 'myAccount', {})).balance).toBe(0);
  expect(await cloud.ok(APPLICANT, 'wishes', 'myRecord', {})).toEqual({
    ...before,
    issuedAt: cloud.clock.now(),
  });
});

test('staff filter the record by member and year, and export it as CSV with a BOM', async () => {
  await serve();
  const all = await cloud.ok(STAFF, 'wishes', 'record', { year: 2026 });
  // Every verified member is listed, also those with nothing yet this year.
  expect(all.members.map((m) => [m.name, m.totals.wishes, m.totals.events, m.totals.minutes])).toEqual(
    expect.arrayContaining([
      ['陈建国', 0, 0, 0],
      ['刘德华', 1, 1, 120],
    ]),
  );
  expect(all.items).toEqual([]);
  const applicantId = (await cloud.ok(APPLICANT, 'user', 'login', {})).user.id;
  const one = await cloud.ok(STAFF, 'wishes', 'record', { year: 2026, memberId: applicantId });
  expect(one.members).toHaveLength(1);
  expect(one.items.map((i) => i.kind)).toEqual(['event', 'wish']);
  expect(
    (await cloud.ok(STAFF, 'wishes', 'record', { year: 2025 })).members.every((m) => m.totals.wishes === 0),
  ).toBe(true);

  const csv = await cloud.ok(STAFF, 'wishes', 'exportRecord', { year: 2026 });
  expect(csv.filename).toBe('双报到服务记录-2026.csv');
  expect(
    csv.csv.startsWith(
      '\uFEFF姓名,所在党组织,工作单位,年度,完成微心愿（件）,参加活动（次）,服务时长（小时）\r\n',
    ),
  ).toBe(true);
  expect(csv.csv).toContain('刘德华,区税务局第一党支部,区税务局,2026,1,1,2\r\n');
  const detail = await cloud.ok(STAFF, 'wishes', 'exportRecord', { year: 2026, memberId: applicantId });
  expect(detail.filename).toBe('双报到服务记录-2026-刘德华.csv');
  expect(detail.csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  expect(detail.csv).toContain('刘德华,区税务局第一党支部,志愿活动,社区义诊,');
  expect(await cloud.call(MEMBER, 'wishes', 'exportRecord', { year: 2026 })).toMatchObject({
    code: 'FORBIDDEN',
  });
  expect(await cloud.call(NEIGHBOUR, 'wishes', 'myRecord', {})).toMatchObject({ code: 'FORBIDDEN' });
});
