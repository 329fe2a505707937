import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { USERS, userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { APPLICATIONS } from '../../cloudfunctions/user/applications';
import { purgeOldNotifications } from '../../cloudfunctions/user/jobs';
import { DAY_MS } from '../../core/time';

let cloud: TestCloud;
beforeEach(() => {
  cloud = startTestCloud();
});
afterEach(() => cloud.close());

describe('login and identity', () => {
  test('the first call registers the caller; later calls find them', async () => {
    const first = await cloud.ok('wx-new', 'user', 'login', {});
    expect(first.isNew).toBe(true);
    expect(first.user.roles).toEqual(['resident']);
    expect(first.user.nickname).toMatch(/^邻居\d{4}$/);
    const again = await cloud.ok('wx-new', 'user', 'login', {});
    expect(again).toEqual({ user: first.user, isNew: false });
  });

  test('concurrent first calls register exactly one user', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => cloud.ok('wx-racer', 'user', 'login', {})),
    );
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(await cloud.count(USERS, { openid: 'wx-racer' })).toBe(1);
  });

  test('identity comes from the context: an openid in the body is refused, not used', async () => {
    const res = await cloud.invoke(
      'user',
      { action: 'login', input: { openid: 'wx-victim' } },
      'wx-attacker',
    );
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await cloud.count(USERS)).toBe(0);
  });

  test('no identity, unknown functions and unknown actions are errors that write nothing', async () => {
    expect(await cloud.invoke('user', { action: 'login', input: {} }, null)).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(await cloud.invoke('nope', { action: 'login' }, 'wx-a')).toMatchObject({
      code: 'UNKNOWN_FUNCTION',
    });
    expect(await cloud.invoke('user', { action: 'dropTables' }, 'wx-a')).toMatchObject({
      code: 'UNKNOWN_ACTION',
    });
    expect(await cloud.invoke('user', 'login', 'wx-a')).toMatchObject({ code: 'UNKNOWN_ACTION' });
    expect(await cloud.call('wx-a', 'user', 'myApplications', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await cloud.count(USERS)).toBe(0);
  });
});

describe('profile', () => {
  beforeEach(async () => {
    await cloud.addUser('wx-zhou');
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await cloud.ok('wx-zhou', 'user', 'login', {});
    const res = await cloud.call('wx-zhou', 'user', 'updateProfile', { nickname: '  ' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请填写昵称' });
    expect(res.ok === false && 'field' in res && res.field).toBe('nickname');
    const phone = await cloud.call('wx-zhou', 'user', 'updateProfile', { nickname: '周', phone: '12' });
    expect(phone).toMatchObject({ code: 'INVALID_INPUT', message: '请输入11位手机号' });
    expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user).toEqual(before.user);
  });

  test('a phone number needs explicit consent, and is recorded with it', async () => {
    const refused = await cloud.call('wx-zhou', 'user', 'updateProfile', {
      nickname: '周',
      phone: '13800138000',
    });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: '保存手机号需要您的同意' });
    const saved = await cloud.ok('wx-zhou', 'user', 'updateProfile', {
      nickname: '周邻居',
      building: '1号楼',
      unit: '1单元202',
      phone: '13800138000',
      phoneConsent: true,
    });
    expect(saved).toMatchObject({ nickname: '周邻居', building: '1号楼', phone: '13800138000' });
    const doc = (await cloud.deps.db.collection(USERS).doc(userIdForOpenid('wx-zhou')).get()) as unknown as {
      data: { phoneConsentAt: number };
    };
    expect(doc.data.phoneConsentAt).toBe(cloud.clock.now());
  });

  test('text the content check rejects is not stored', async () => {
    const res = await cloud.call('wx-zhou', 'user', 'updateProfile', { nickname: '赌博大王' });
    expect(res).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user.nickname).toBe('wx-zhou');
  });

  test('关怀模式 is kept on the profile', async () => {
    expect((await cloud.ok('wx-zhou', 'user', 'setCareMode', { enabled: true })).careMode).toBe(true);
    expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user.careMode).toBe(true);
  });
});

describe('volunteers', () => {
  beforeEach(async () => {
    await cloud.addUser('wx-li');
  });

  test('registration needs a real name and agreement to record keeping', async () => {
    const noAgreement = await cloud.call('wx-li', 'user', 'registerVolunteer', {
      realName: '李强',
      agreeToRecordKeeping: false as unknown as true,
    });
    expect(noAgreement).toMatchObject({ code: 'INVALID_INPUT', message: '请阅读并同意志愿服务记录协议' });
    const user = await cloud.ok('wx-li', 'user', 'registerVolunteer', {
      realName: '李强',
      agreeToRecordKeeping: true,
    });
    expect(user.roles).toEqual(['resident', 'volunteer']);
    expect(user.realName).toBe('李强');
    expect(
      await cloud.call('wx-li', 'user', 'registerVolunteer', {
        realName: '李强',
        agreeToRecordKeeping: true,
      }),
    ).toMatchObject({ code: 'ALREADY_VOLUNTEER' });
  });
});

describe('双报到 applications', () => {
  const apply = { realName: '周明', partyOrg: '市税务局第一党支部', workplace: '市税务局' };
  let staffId: string;
  beforeEach(async () => {
    await cloud.addUser('wx-zhou');
    staffId = await cloud.addUser('wx-staff', ['staff'], '王主任');
  });

  test('one pending application at a time, even when submitted concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => cloud.call('wx-zhou', 'user', 'applyPartyMember', apply)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(
      Array(5).fill('APPLICATION_PENDING'),
    );
    expect(await cloud.count(APPLICATIONS)).toBe(1);
  });

  test('staff reject with a reason; the applicant sees it, is notified, and may apply again', async () => {
    const app = await cloud.ok('wx-zhou', 'user', 'applyPartyMember', apply);
    expect(await cloud.ok('wx-staff', 'user', 'listApplications', { status: 'pending' })).toEqual({
      items: [app],
      next: null,
    });

    const noReason = await cloud.call('wx-staff', 'user', 'decideApplication', {
      applicationId: app.id,
      approve: false,
    });
    expect(noReason).toMatchObject({ code: 'REASON_REQUIRED' });

    cloud.clock.advance(60_000);
    const rejected = await cloud.ok('wx-staff', 'user', 'decideApplication', {
      applicationId: app.id,
      approve: false,
      reason: '请补充党组织关系证明',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      reason: '请补充党组织关系证明',
      decidedAt: cloud.clock.now(),
    });
    expect((await cloud.ok('wx-zhou', 'user', 'myApplications', {}))[0].status).toBe('rejected');
    const inbox = await cloud.ok('wx-zhou', 'user', 'listOutbox', {});
    expect(inbox.items[0]).toMatchObject({
      title: '双报到认证未通过',
      body: '未通过原因：请补充党组织关系证明',
      page: '/pages/me/party/index',
    });
    expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user.roles).toEqual(['resident']);

    expect((await cloud.call('wx-zhou', 'user', 'applyPartyMember', apply)).ok).toBe(true);
  });

  test('approval grants the role once, with an audit entry', async () => {
    const app = await cloud.ok('wx-zhou', 'user', 'applyPartyMember', apply);
    const approved = await cloud.ok('wx-staff', 'user', 'decideApplication', {
      applicationId: app.id,
      approve: true,
    });
    expect(approved.status).toBe('approved');
    expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user.roles).toEqual(['resident', 'party_member']);
    expect(
      await cloud.call('wx-staff', 'user', 'decideApplication', { applicationId: app.id, approve: true }),
    ).toMatchObject({
      code: 'APPLICATION_DECIDED',
    });
    expect(await cloud.call('wx-zhou', 'user', 'applyPartyMember', apply)).toMatchObject({
      code: 'ALREADY_PARTY_MEMBER',
    });
    expect(
      await cloud.count(AUDIT, { actorId: staffId, action: 'application.approved', targetId: app.id }),
    ).toBe(1);
  });

  test('concurrent decisions on one application: exactly one wins', async () => {
    const app = await cloud.ok('wx-zhou', 'user', 'applyPartyMember', apply);
    await cloud.addUser('wx-staff-2', ['staff']);
    const results = await Promise.all([
      cloud.call('wx-staff', 'user', 'decideApplication', { applicationId: app.id, approve: true }),
      cloud.call('wx-staff-2', 'user', 'decideApplication', {
        applicationId: app.id,
        approve: false,
        reason: '重复',
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await cloud.count(AUDIT)).toBe(1);
    expect(await cloud.count(NOTIFICATIONS)).toBe(1);
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
      cloud.ok('wx-staff', 'user', 'decideApplication', { applicationId: app.id, approve: true }),
      cloud.ok('wx-staff', 'user', 'grantStaff', { userId: zhou }),
    ]);
    expect((await cloud.ok('wx-zhou', 'user', 'login', {})).user.roles.sort()).toEqual([
      'party_member',
      'resident',
      'staff',
      'volunteer',
    ]);
  });
});

describe('staff tools', () => {
  beforeEach(async () => {
    await cloud.addUser('wx-staff', ['staff'], '王主任');
    await cloud.addUser('wx-sun', [], '孙阿姨');
  });

  test('only staff grant staff', async () => {
    const sunId = userIdForOpenid('wx-sun');
    expect(await cloud.call('wx-sun', 'user', 'grantStaff', { userId: sunId })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const granted = await cloud.ok('wx-staff', 'user', 'grantStaff', { userId: sunId });
    expect(granted.roles).toEqual(['resident', 'staff']);
    expect(await cloud.call('wx-staff', 'user', 'grantStaff', { userId: 'u-nobody' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('staff register a resident without a smartphone, with an audit trail', async () => {
    const elder = await cloud.ok('wx-staff', 'user', 'createManagedResident', {
      realName: '张桂英',
      building: '1号楼',
      unit: '1单元101',
      note: '独居',
    });
    expect(elder).toMatchObject({ managed: true, realName: '张桂英', careMode: true, roles: ['resident'] });
    expect(await cloud.count(AUDIT, { action: 'resident.create_managed', onBehalfOf: elder.id })).toBe(1);

    const found = await cloud.ok('wx-staff', 'user', 'listResidents', { keyword: '桂英' });
    expect(found.items.map((u) => u.id)).toEqual([elder.id]);
    const managed = await cloud.ok('wx-staff', 'user', 'listResidents', { managedOnly: true });
    expect(managed.items.map((u) => u.realName)).toEqual(['张桂英']);
    const byBuilding = await cloud.ok('wx-staff', 'user', 'listResidents', { keyword: '1号楼' });
    expect(byBuilding.items.map((u) => u.id)).toContain(elder.id);
  });

  test('a regex-looking keyword is matched literally', async () => {
    expect(await cloud.ok('wx-staff', 'user', 'listResidents', { keyword: '.*' })).toEqual({
      items: [],
      next: null,
    });
  });

  test('a resident is named by their real name to those who may see it', async () => {
    await cloud.addUser('wx-li', ['volunteer'], '李志愿');
    await cloud.ok('wx-li', 'user', 'updateProfile', { nickname: '李志愿' });
    await cloud.deps.db
      .collection(USERS)
      .doc(userIdForOpenid('wx-li'))
      .update({ data: { realName: '李强' } });
    const [li] = (await cloud.ok('wx-staff', 'user', 'listResidents', { keyword: '李' })).items;
    expect(li).toMatchObject({ displayName: '李强', mayLead: true });
    expect((await cloud.ok('wx-li', 'user', 'login', {})).user.displayName).toBe('李强');
  });
});

describe('scheduled jobs', () => {
  test('old notifications are purged on the clock the test drives', async () => {
    const userId = await cloud.addUser('wx-a');
    await cloud.notify({ userId, template: 't', title: '旧消息', body: '' });
    cloud.clock.advance(100 * DAY_MS);
    await cloud.notify({ userId, template: 't', title: '新消息', body: '' });
    cloud.clock.advance(100 * DAY_MS);
    expect(await purgeOldNotifications.run(cloud.deps)).toBe('removed 1 notifications');
    expect((await cloud.ok('wx-a', 'user', 'listOutbox', {})).items.map((m) => m.title)).toEqual(['新消息']);
  });
});
