/**
 * 隐私与数据: a resident sees what is kept about them and exports all of it, page after page;
 * staff do the same for a managed resident (audited) and close such an account at their request.
 */
import type { ExportPage, UserId } from '../../core/contract';
import { collectExport } from '../../core/domain/exports';
import { DATA_SECTIONS, type DataSection } from '../../core/domain/privacy';
import { CLOSED_ACCOUNT_NAME } from '../../core/domain/users';
import { findById } from '../../cloudfunctions/runtime/db';
import { USERS, type UserFields } from '../../cloudfunctions/runtime/users';
import { APPLICATIONS, type ApplicationFields } from '../../cloudfunctions/user/applications';
import { publishedEvent } from '../support/events';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const STAFF = 'wx-staff';
const RESIDENT = 'wx-zhou';

let cloud: TestCloud;
let resident: UserId;

beforeAll(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  resident = await cloud.addUser(RESIDENT, [], '周邻居');
  await cloud.ok(RESIDENT, 'user', 'updateProfile', {
    nickname: '周邻居',
    building: '2号楼',
    phone: '13700000000',
    phoneConsent: true,
  });
  // 60 ledger entries: more than one page of the export.
  for (let i = 0; i < 60; i += 1) {
    await cloud.ok(STAFF, 'points', 'adjust', {
      userId: resident,
      amount: 1,
      reason: `第${i}次补录`,
      requestId: `privacy-adjust-${i}`,
    });
  }
  const event = await publishedEvent(cloud);
  await cloud.ok(RESIDENT, 'events', 'signUp', { eventId: event.id });
  await cloud.ok(RESIDENT, 'user', 'applyPartyMember', {
    realName: '周明',
    partyOrg: '市税务局第一党支部',
    workplace: '市税务局',
  });
});

afterAll(() => cloud.close());

const reader =
  (openid: string, userId?: UserId) =>
  (section: DataSection) =>
  (cursor: ExportPage['next'] | undefined): Promise<ExportPage> =>
    userId
      ? cloud.ok(openid, 'user', 'residentDataPage', {
          userId,
          section,
          limit: 25,
          ...(cursor ? { cursor } : {}),
        })
      : cloud.ok(openid, 'user', 'myDataPage', { section, limit: 25, ...(cursor ? { cursor } : {}) });

test('the summary counts what is kept, and says what closing does to each kind', async () => {
  const view = await cloud.ok(RESIDENT, 'user', 'myData', {});
  const count = (key: DataSection) => view.sections.find((s) => s.key === key)?.count;
  expect(view.sections.map((s) => s.key)).toEqual([...DATA_SECTIONS]);
  expect(count('points')).toBe(60);
  expect(count('events')).toBe(1);
  expect(count('applications')).toBe(1);
  expect(view.profile).toEqual(expect.arrayContaining([{ label: '楼栋', value: '2号楼' }]));
  for (const s of view.sections) expect(s.afterClosing).toMatch(/[\u4e00-\u9fff]/);
});

test('the export reads every section to the end: as many rows as the summary counts', async () => {
  const view = await cloud.ok(RESIDENT, 'user', 'myData', {});
  const read = reader(RESIDENT);
  for (const section of view.sections) {
    let pages = 0;
    const table = await collectExport(read(section.key), () => (pages += 1));
    const expected = section.key === 'profile' ? 12 : section.count;
    expect({ section: section.key, rows: table.rows.length }).toEqual({
      section: section.key,
      rows: expected,
    });
    if (section.key === 'points') expect(pages).toBe(3);
    expect(table.header).toEqual(['类别', '时间', '内容', '详情']);
  }
});

test('one resident never reads another’s data, and staff only a managed resident’s', async () => {
  const stranger = await cloud.call(STAFF, 'user', 'residentDataPage', {
    userId: resident,
    section: 'points',
  });
  expect(stranger).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  const asResident = await cloud.call(RESIDENT, 'user', 'residentData', { userId: resident });
  expect(asResident).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

describe('a managed resident', () => {
  let managed: UserId;

  beforeAll(async () => {
    managed = (
      await cloud.ok(STAFF, 'user', 'createManagedResident', {
        realName: '张桂英',
        building: '1号楼',
        phone: '13900000002',
      })
    ).id;
  });

  test('staff export their data, and the export is audited', async () => {
    const table = await collectExport(reader(STAFF, managed)('profile'));
    expect(table.rows).toEqual(expect.arrayContaining([['个人资料', '', '真实姓名', '张桂英']]));
    const trail = await cloud.ok(STAFF, 'dashboard', 'audit', { userId: managed, type: 'account' });
    expect(trail.items.map((e) => e.action)).toEqual(['account.export_for']);
  });

  test('staff close the account with a reason; it is audited and cannot be closed twice', async () => {
    // A minute after the export, so the trail (newest first) has the closure on top.
    cloud.clock.advance(60_000);
    const closed = await cloud.ok(STAFF, 'user', 'closeResident', {
      userId: managed,
      reason: '家属申请注销',
    });
    expect(closed.closedAt).toBe(cloud.clock.now());
    expect(await findById<UserFields>(cloud.deps.db, USERS, managed)).toMatchObject({
      realName: '',
      nickname: CLOSED_ACCOUNT_NAME,
      phone: '',
    });
    const trail = await cloud.ok(STAFF, 'dashboard', 'audit', { userId: managed, type: 'account' });
    expect(trail.items[0]).toMatchObject({
      action: 'account.close_for',
      actorName: '王主任',
      detail: '家属申请注销',
    });
    expect(
      await cloud.call(STAFF, 'user', 'closeResident', { userId: managed, reason: '再来一次' }),
    ).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  test('a resident with WeChat is closed by themself, never by staff', async () => {
    const res = await cloud.call(STAFF, 'user', 'closeResident', { userId: resident, reason: '代为注销' });
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

test('closing withdraws a pending 双报到 application', async () => {
  const closed = await cloud.ok(RESIDENT, 'user', 'closeAccount', { acknowledge: true });
  expect(closed).toMatchObject({ applicationsWithdrawn: 1, signupsCancelled: 1 });
  const app = (await cloud.ok(STAFF, 'user', 'listApplications', { status: 'withdrawn' })).items[0];
  expect(app).toMatchObject({ applicantName: CLOSED_ACCOUNT_NAME, status: 'withdrawn' });
  expect(await findById<ApplicationFields>(cloud.deps.db, APPLICATIONS, app.id)).toMatchObject({
    status: 'withdrawn',
  });
  expect(await cloud.call(RESIDENT, 'user', 'closeAccount', { acknowledge: true })).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
  });
});

test('nobody acts for a managed resident whose account is closed', async () => {
  const gone = (await cloud.ok(STAFF, 'user', 'createManagedResident', { realName: '刘德福' })).id;
  await cloud.ok(STAFF, 'user', 'closeResident', { userId: gone, reason: '已搬离社区' });
  const event = await publishedEvent(cloud, { title: '重阳登高' });
  expect(await cloud.call(STAFF, 'events', 'signUpFor', { eventId: event.id, userId: gone })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  const wish = {
    userId: gone,
    title: '想要一副老花镜',
    category: 'goods' as const,
    wantedBy: cloud.clock.now() + 7 * 86_400_000,
    contact: { name: '刘德福', building: '2号楼' },
    requestId: 'closed-managed-wish',
  };
  expect(await cloud.call(STAFF, 'wishes', 'postFor', wish)).toMatchObject({
    ok: false,
    code: 'WISH_MANAGED_ONLY',
  });
});
