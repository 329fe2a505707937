/** 微心愿: posting, review, claiming, fulfilment and confirmation, against the embedded database. */
import { ENTRIES } from '../../cloudfunctions/points/ledger';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { releaseOverdueClaims } from '../../cloudfunctions/wishes/jobs';
import { WISHES, WISH_GUARDS } from '../../cloudfunctions/wishes/store';
import { pageUrl, routeOfUrl } from '../../core/routes';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { expectConsistent } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import {
  CONTACT,
  MEMBER,
  NEIGHBOUR,
  POSTER,
  PROOF,
  STAFF,
  community,
  expectGuardsConsistent,
  fulfilledWish,
  messagesOf,
  openWish,
  openWishFor,
  stored,
  wishInput,
  type Community,
} from '../support/wishes';

let cloud: TestCloud;
let people: Community;

beforeEach(async () => {
  cloud = startTestCloud();
  people = await community(cloud);
});
afterEach(async () => {
  await expectGuardsConsistent(cloud);
  cloud.close();
});

const wallIds = async (openid = NEIGHBOUR) =>
  (await cloud.ok(openid, 'wishes', 'wall', {})).items.map((w) => w.id);

describe('posting', () => {
  test('a posted wish waits for review: not on the wall, in 我的心愿 and the review queue', async () => {
    const posted = await cloud.ok(
      POSTER,
      'wishes',
      'post',
      wishInput(cloud, { photos: ['/uploads/wishes/a.jpg'] }),
    );
    expect(posted).toMatchObject({
      status: 'pending',
      statusLabel: '待审核',
      recipient: '王** · 3栋',
      onBehalf: false,
      isPoster: true,
      contact: null,
      contactVisible: false,
      mayWithdraw: true,
      mayClaim: false,
      mayReport: false,
      photos: ['/uploads/wishes/a.jpg'],
    });
    expect(await wallIds()).toEqual([]);
    expect(await cloud.call(NEIGHBOUR, 'wishes', 'get', { wishId: posted.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await cloud.ok(POSTER, 'wishes', 'mine', {})).map((w) => w.id)).toEqual([posted.id]);
    const queue = await cloud.ok(STAFF, 'wishes', 'staffList', { bucket: 'pending' });
    expect(queue.items).toMatchObject([
      { id: posted.id, mayReview: true, mayApprove: true, contactVisible: true },
    ]);
  });

  test('at most 3 photos, each one the app stored', async () => {
    const four = ['a', 'b', 'c', 'd'].map((n) => `/uploads/wishes/${n}.jpg`);
    expect(await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud, { photos: four }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '最多上传3张照片',
    });
    expect(
      await cloud.call(
        POSTER,
        'wishes',
        'post',
        wishInput(cloud, { photos: ['https://evil.example/x.jpg'] }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '图片地址无效' });
    expect(await cloud.count(WISHES)).toBe(0);
  });

  test('a poster has at most 3 open wishes; withdrawing, rejection and completion free a place', async () => {
    const first = await openWish(cloud);
    const second = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    const third = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    expect(await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud))).toMatchObject({
      code: 'WISH_OPEN_LIMIT',
    });

    await cloud.ok(POSTER, 'wishes', 'withdraw', { wishId: second.id });
    const fourth = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    expect(await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud))).toMatchObject({
      code: 'WISH_OPEN_LIMIT',
    });

    await cloud.ok(STAFF, 'wishes', 'review', { wishId: third.id, approve: false, reason: '内容不完整' });
    await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    expect(await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud))).toMatchObject({
      code: 'WISH_OPEN_LIMIT',
    });

    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: first.id });
    await cloud.ok(MEMBER, 'wishes', 'fulfil', { wishId: first.id, note: '送到了', photos: PROOF });
    await cloud.ok(POSTER, 'wishes', 'confirm', { wishId: first.id });
    await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    expect(fourth.status).toBe('pending');
  });

  test('a retry with the same request id returns the same wish; other content under it is refused', async () => {
    const input = wishInput(cloud);
    const first = await cloud.ok(POSTER, 'wishes', 'post', input);
    expect((await cloud.ok(POSTER, 'wishes', 'post', input)).id).toBe(first.id);
    expect(await cloud.call(POSTER, 'wishes', 'post', { ...input, title: '别的心愿' })).toMatchObject({
      code: 'REQUEST_REUSED',
    });
    expect(await cloud.count(WISHES)).toBe(1);
  });

  test('text the checker flags is never stored; nor is a past or far-off date', async () => {
    for (const flagged of [
      { title: '赌博心愿' },
      { story: '出售毒品' },
      { contact: { ...CONTACT, unit: '违禁词' } },
    ]) {
      expect(await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud, flagged))).toMatchObject({
        code: 'CONTENT_REJECTED',
      });
    }
    for (const wantedBy of [cloud.clock.now() - DAY_MS, cloud.clock.now() + 100 * DAY_MS]) {
      expect(await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud, { wantedBy }))).toMatchObject({
        code: 'WISH_DUE_INVALID',
      });
    }
    expect(await cloud.count(WISHES)).toBe(0);
    expect(await cloud.count(WISH_GUARDS)).toBe(0);
  });

  test('a phone number needs consent to be shown to the claimer', async () => {
    const { phoneConsent: _consent, ...withoutConsent } = CONTACT;
    expect(
      await cloud.call(POSTER, 'wishes', 'post', wishInput(cloud, { contact: withoutConsent })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: '留下手机号需要同意将其提供给认领的党员',
    });
  });

  test('staff post for a managed resident (代发布), audited who for whom; only for managed residents', async () => {
    const posted = await cloud.ok(STAFF, 'wishes', 'postFor', {
      ...wishInput(cloud),
      userId: people.managedId,
    });
    expect(posted).toMatchObject({ onBehalf: true, isPoster: true, status: 'pending' });
    expect(
      await cloud.count(AUDIT, {
        action: 'wish.post_for',
        targetId: posted.id,
        onBehalfOf: people.managedId,
      }),
    ).toBe(1);
    expect(
      await cloud.call(STAFF, 'wishes', 'postFor', { ...wishInput(cloud), userId: people.posterId }),
    ).toMatchObject({ code: 'WISH_MANAGED_ONLY' });
    expect(
      await cloud.call(POSTER, 'wishes', 'postFor', { ...wishInput(cloud), userId: people.managedId }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    // The limit is the neighbour's, not the staff member's.
    await cloud.ok(STAFF, 'wishes', 'postFor', { ...wishInput(cloud), userId: people.managedId });
    await cloud.ok(STAFF, 'wishes', 'postFor', { ...wishInput(cloud), userId: people.managedId });
    expect(
      await cloud.call(STAFF, 'wishes', 'postFor', { ...wishInput(cloud), userId: people.managedId }),
    ).toMatchObject({ code: 'WISH_OPEN_LIMIT', message: '该居民已有3个进行中的心愿，完成或撤回后再发布' });
    expect(await cloud.ok(STAFF, 'wishes', 'post', wishInput(cloud))).toMatchObject({ onBehalf: false });
  });
});

describe('review', () => {
  test('approval puts the wish on the wall and tells the poster', async () => {
    const wish = await openWish(cloud);
    expect(wish).toMatchObject({ status: 'open', statusLabel: '待认领', publishedAt: cloud.clock.now() });
    expect(await wallIds()).toEqual([wish.id]);
    expect((await messagesOf(cloud, people.posterId)).map((m) => m.title)).toEqual([
      `心愿已通过审核：${wish.title}`,
    ]);
    expect(await cloud.call(STAFF, 'wishes', 'review', { wishId: wish.id, approve: true })).toMatchObject({
      code: 'WISH_REVIEWED',
    });
  });

  test('a rejected wish is never on the wall; the poster sees why, nobody else sees it', async () => {
    const posted = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    expect(await cloud.call(STAFF, 'wishes', 'review', { wishId: posted.id, approve: false })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请填写驳回理由',
    });
    await cloud.ok(STAFF, 'wishes', 'review', {
      wishId: posted.id,
      approve: false,
      reason: '请补充具体需要',
    });
    expect(await wallIds()).toEqual([]);
    expect(await cloud.call(NEIGHBOUR, 'wishes', 'get', { wishId: posted.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.ok(POSTER, 'wishes', 'get', { wishId: posted.id })).toMatchObject({
      status: 'rejected',
      statusLabel: '未通过',
      rejectReason: '请补充具体需要',
    });
    expect((await messagesOf(cloud, people.posterId)).at(-1)?.body).toBe('原因：请补充具体需要');
    expect(await cloud.count(AUDIT, { action: 'wish.reject', targetId: posted.id })).toBe(1);
  });

  test("staff edits keep the poster's original, for the poster and staff to see", async () => {
    const posted = await cloud.ok(
      POSTER,
      'wishes',
      'post',
      wishInput(cloud, { photos: ['/uploads/wishes/a.jpg'] }),
    );
    const edited = await cloud.ok(STAFF, 'wishes', 'edit', {
      wishId: posted.id,
      title: '想要一副老花镜（200度）',
      photos: [],
      note: '补充度数，去掉含门牌的照片',
    });
    expect(edited).toMatchObject({ title: '想要一副老花镜（200度）', photos: [], edited: true });
    await cloud.ok(STAFF, 'wishes', 'edit', { wishId: posted.id, story: '再改一次', note: '第二次修改' });
    const original = {
      title: '想要一副老花镜',
      story: posted.story,
      category: 'goods',
      photos: ['/uploads/wishes/a.jpg'],
    };
    expect((await cloud.ok(POSTER, 'wishes', 'get', { wishId: posted.id })).original).toEqual(original);
    await cloud.ok(STAFF, 'wishes', 'review', { wishId: posted.id, approve: true });
    expect(await cloud.ok(NEIGHBOUR, 'wishes', 'get', { wishId: posted.id })).toMatchObject({
      edited: true,
      original: null,
      story: '再改一次',
    });
    expect(await cloud.count(AUDIT, { action: 'wish.edit', targetId: posted.id })).toBe(2);
    expect(
      await cloud.call(STAFF, 'wishes', 'edit', { wishId: posted.id, title: '赌博', note: '修改' }),
    ).toMatchObject({
      code: 'CONTENT_REJECTED',
    });
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: posted.id });
    expect(
      await cloud.call(STAFF, 'wishes', 'edit', { wishId: posted.id, title: '改不了', note: '修改' }),
    ).toMatchObject({
      code: 'WISH_NOT_EDITABLE',
    });
  });

  test('a wish past its date cannot be approved until staff move the date', async () => {
    const posted = await cloud.ok(
      POSTER,
      'wishes',
      'post',
      wishInput(cloud, { wantedBy: cloud.clock.now() }),
    );
    cloud.clock.advance(DAY_MS);
    expect(await cloud.call(STAFF, 'wishes', 'review', { wishId: posted.id, approve: true })).toMatchObject({
      code: 'WISH_DUE_INVALID',
    });
    await cloud.ok(STAFF, 'wishes', 'edit', {
      wishId: posted.id,
      wantedBy: cloud.clock.now() + 3 * DAY_MS,
      note: '延期',
    });
    expect(await cloud.ok(STAFF, 'wishes', 'review', { wishId: posted.id, approve: true })).toMatchObject({
      status: 'open',
    });
  });
});

describe('claiming', () => {
  test('a member claims: they see the contact, the poster is told, everyone else sees it taken and masked', async () => {
    const wish = await openWish(cloud);
    const claimed = await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    expect(claimed).toMatchObject({
      status: 'claimed',
      isClaimer: true,
      contactVisible: true,
      contact: { name: '王秀珍', phone: '13800000001', address: '3号楼2单元501' },
      claim: { memberName: '陈建国' },
      mayRelease: true,
      mayFulfil: true,
      claimBlockedReason: '',
    });
    expect((await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id })).id).toBe(wish.id); // a retry

    const second = await cloud.addUser('wx-member2', ['party_member'], '刘党员');
    const seen = await cloud.ok('wx-member2', 'wishes', 'get', { wishId: wish.id });
    expect(seen).toMatchObject({
      contact: null,
      mayClaim: false,
      claimBlockedReason: '该心愿已被其他党员认领',
    });
    expect(seen.claim).toEqual({ memberName: '陈**', claimedAt: cloud.clock.now() });
    expect(await cloud.call('wx-member2', 'wishes', 'claim', { wishId: wish.id })).toMatchObject({
      code: 'WISH_TAKEN',
    });
    expect((await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).contact).toBeNull();
    const told = (await messagesOf(cloud, people.posterId)).at(-1);
    expect(told?.title).toBe(`心愿已被认领：${wish.title}`);
    // The message opens the wish's detail page.
    expect(told?.page).toBe(pageUrl('wishDetail', { id: wish.id }));
    expect(routeOfUrl(told?.page ?? '')).toBe('wishDetail');
    expect(await messagesOf(cloud, second)).toEqual([]);
  });

  test('non-members, unverified applicants, the poster and staff-as-poster cannot claim', async () => {
    const wish = await openWish(cloud);
    await cloud.addUser('wx-volunteer', ['volunteer']);
    await cloud.addUser('wx-applicant');
    await cloud.ok('wx-applicant', 'user', 'applyPartyMember', {
      realName: '吴申请',
      partyOrg: '某党支部',
      workplace: '某单位',
    });
    for (const openid of [NEIGHBOUR, 'wx-volunteer', 'wx-applicant', STAFF]) {
      expect(await cloud.call(openid, 'wishes', 'claim', { wishId: wish.id })).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'get', { wishId: wish.id })).claimBlockedReason).toBe(
      '仅通过双报到认证的党员可以认领微心愿',
    );

    // A member's own wish, and one a staff member who is also a member posted for a neighbour.
    const own = await openWish(cloud, MEMBER);
    expect(own.mayClaim).toBe(false);
    expect(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: own.id })).toMatchObject({
      code: 'WISH_OWN',
    });
    await cloud.addUser('wx-staff-member', ['staff', 'party_member'], '党员干部');
    const forZhang = await cloud.ok('wx-staff-member', 'wishes', 'postFor', {
      ...wishInput(cloud),
      userId: people.managedId,
    });
    await cloud.ok(STAFF, 'wishes', 'review', { wishId: forZhang.id, approve: true });
    expect(await cloud.call('wx-staff-member', 'wishes', 'claim', { wishId: forZhang.id })).toMatchObject({
      code: 'WISH_OWN',
    });
    expect(await cloud.count('wish_claims')).toBe(0);
  });

  test('a member holds at most the configured number of live claims', async () => {
    const wishes = [];
    for (const poster of [POSTER, NEIGHBOUR])
      for (let i = 0; i < 2; i += 1) wishes.push(await openWish(cloud, poster));
    for (const wish of wishes.slice(0, 3)) await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    const fourth = await cloud.ok(MEMBER, 'wishes', 'get', { wishId: wishes[3].id });
    expect(fourth).toMatchObject({
      mayClaim: false,
      claimBlockedReason: '您认领中的心愿已达上限，请先完成已认领的心愿',
    });
    expect(await cloud.call(MEMBER, 'wishes', 'claim', { wishId: wishes[3].id })).toMatchObject({
      code: 'WISH_CLAIM_LIMIT',
    });

    await cloud.ok(STAFF, 'wishes', 'saveSettings', { claimLimit: 4, points: 5 });
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wishes[3].id });
    await cloud.ok(STAFF, 'wishes', 'saveSettings', { claimLimit: 1, points: 5 });
    expect(await cloud.ok(STAFF, 'wishes', 'settings', {})).toEqual({ claimLimit: 1, points: 5 });
  });

  test('the member releases with a reason: back on the wall, masked again, the poster told', async () => {
    const wish = await openWish(cloud);
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    const released = await cloud.ok(MEMBER, 'wishes', 'release', { wishId: wish.id, reason: '临时出差' });
    expect(released).toMatchObject({
      status: 'open',
      contact: null,
      contactVisible: false,
      claim: null,
      mayClaim: true,
    });
    expect(await wallIds()).toEqual([wish.id]);
    expect((await messagesOf(cloud, people.posterId)).at(-1)).toMatchObject({
      title: `认领已放弃：${wish.title}`,
      body: '陈建国 放弃了认领（临时出差）。心愿已重新回到心愿墙。',
    });
    expect(
      await cloud.call(MEMBER, 'wishes', 'release', { wishId: wish.id, reason: '再放弃' }),
    ).toMatchObject({
      code: 'WISH_NOT_CLAIMER',
    });
    const { items } = await cloud.ok(MEMBER, 'wishes', 'claimed', {});
    expect(items).toMatchObject([
      { claim: { status: 'released', statusLabel: '已放弃', reason: '临时出差' }, wish: { contact: null } },
    ]);
  });

  test('staff revoke a claim with a reason the member sees', async () => {
    const wish = await openWish(cloud);
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    expect(
      await cloud.call(MEMBER, 'wishes', 'revoke', { wishId: wish.id, reason: '自己撤销' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const revoked = await cloud.ok(STAFF, 'wishes', 'revoke', {
      wishId: wish.id,
      reason: '心愿人已另行解决',
    });
    expect(revoked).toMatchObject({ status: 'open', claim: null });
    expect((await messagesOf(cloud, people.memberId)).at(-1)).toMatchObject({
      title: `认领已被撤销：${wish.title}`,
      body: '社区工作人员撤销了您的认领，原因：心愿人已另行解决',
    });
    expect((await cloud.ok(MEMBER, 'wishes', 'claimed', {})).items[0].claim).toMatchObject({
      status: 'revoked',
      reason: '心愿人已另行解决',
    });
    expect((await cloud.ok(MEMBER, 'wishes', 'get', { wishId: wish.id })).contact).toBeNull();
    expect(await cloud.count(AUDIT, { action: 'wish.revoke_claim' })).toBe(1);
    // The poster is told too, with the reason, and that the wish is back on the wall.
    expect((await messagesOf(cloud, people.posterId)).at(-1)).toMatchObject({
      title: `认领已撤销：${wish.title}`,
      body: expect.stringMatching(/心愿人已另行解决.*心愿已重新回到心愿墙/),
    });
  });
});

describe('fulfilment and confirmation', () => {
  test('points only after the recipient confirms, once; the wish closes and both are told', async () => {
    const wish = await openWish(cloud);
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    expect(
      await cloud.call(MEMBER, 'wishes', 'fulfil', { wishId: wish.id, note: '送到了', photos: [] }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '请上传至少一张完成照片' });
    expect(await cloud.call(POSTER, 'wishes', 'confirm', { wishId: wish.id })).toMatchObject({
      code: 'WISH_NOT_FULFILLED',
    });

    const fulfilled = await cloud.ok(MEMBER, 'wishes', 'fulfil', {
      wishId: wish.id,
      note: '已送到家中',
      photos: PROOF,
    });
    expect(fulfilled).toMatchObject({
      status: 'fulfilled',
      statusLabel: '待确认',
      mayFulfil: false,
      contactVisible: true,
    });
    expect((await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).fulfilment).toMatchObject({
      note: '已送到家中',
      photos: PROOF,
    });
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'get', { wishId: wish.id })).fulfilment).toBeNull();
    expect((await messagesOf(cloud, people.posterId)).at(-1)?.title).toBe(`党员已完成心愿：${wish.title}`);
    expect(await cloud.count(ENTRIES, { kind: 'wish' })).toBe(0);

    for (const openid of [MEMBER, NEIGHBOUR, STAFF]) {
      expect(await cloud.call(openid, 'wishes', 'confirm', { wishId: wish.id })).toMatchObject({
        code: 'WISH_NOT_RECIPIENT',
      });
    }
    const closed = await cloud.ok(POSTER, 'wishes', 'confirm', { wishId: wish.id, thanks: '谢谢陈书记！' });
    expect(closed).toMatchObject({
      status: 'closed',
      statusLabel: '已完成',
      points: 5,
      thanks: '谢谢陈书记！',
    });
    expect(await cloud.ok(POSTER, 'wishes', 'confirm', { wishId: wish.id })).toMatchObject({
      status: 'closed',
    });
    expect((await cloud.ok(MEMBER, 'points', 'myAccount', {})).balance).toBe(5);
    expect(await cloud.count(ENTRIES, { _id: `wish_${wish.id}`, userId: people.memberId, amount: 5 })).toBe(
      1,
    );
    expect((await messagesOf(cloud, people.memberId)).at(-1)).toMatchObject({
      title: `心愿已确认完成：${wish.title}`,
      body: '心愿人已确认收到，您获得 5 积分。感谢留言：谢谢陈书记！',
    });
    // The help is over: the member no longer sees the contact; the wall shows the thanks.
    const afterwards = await cloud.ok(MEMBER, 'wishes', 'get', { wishId: wish.id });
    expect(afterwards).toMatchObject({ contact: null, isClaimer: false, claim: { memberName: '陈建国' } });
    expect(await cloud.ok(NEIGHBOUR, 'wishes', 'get', { wishId: wish.id })).toMatchObject({
      thanks: '谢谢陈书记！',
      claim: { memberName: '陈**' },
    });
    expect((await cloud.ok(MEMBER, 'wishes', 'claimed', {})).items[0].claim.status).toBe('closed');
    expect(await cloud.call(POSTER, 'wishes', 'confirm', { wishId: wish.id, thanks: '赌博' })).toMatchObject({
      code: 'CONTENT_REJECTED',
    });
    // Poster and claimer heard of every step.
    const titles = async (userId: string) =>
      (await messagesOf(cloud, userId)).map((m) => m.title.split('：')[0]);
    expect(await titles(people.posterId)).toEqual([
      '心愿已通过审核',
      '心愿已被认领',
      '党员已完成心愿',
      '心愿已完成',
    ]);
    expect(await titles(people.memberId)).toEqual(['认领成功', '已提交完成情况', '心愿已确认完成']);
    await expectConsistent(cloud);
  });

  test('a fulfilled claim frees its place under the limit', async () => {
    await cloud.ok(STAFF, 'wishes', 'saveSettings', { claimLimit: 1, points: 5 });
    const first = await fulfilledWish(cloud);
    const second = await openWish(cloud, NEIGHBOUR);
    expect((await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: second.id })).status).toBe('claimed');
    expect(first.status).toBe('fulfilled');
  });

  test('staff confirm for a managed resident, audited; the configured points are paid', async () => {
    await cloud.ok(STAFF, 'wishes', 'saveSettings', { claimLimit: 3, points: 8 });
    const wish = await openWishFor(cloud, people.managedId);
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    await cloud.ok(MEMBER, 'wishes', 'fulfil', { wishId: wish.id, note: '台灯修好了', photos: PROOF });
    expect((await cloud.ok(STAFF, 'wishes', 'get', { wishId: wish.id })).mayConfirm).toBe(true);
    const closed = await cloud.ok(STAFF, 'wishes', 'confirm', { wishId: wish.id, thanks: '张奶奶说谢谢' });
    expect(closed).toMatchObject({ status: 'closed', points: 8 });
    expect((await cloud.ok(MEMBER, 'points', 'myAccount', {})).balance).toBe(8);
    expect(await cloud.count(AUDIT, { action: 'wish.confirm_for', onBehalfOf: people.managedId })).toBe(1);
  });

  test('staff revoke a false fulfilment: no points, the wish back on the wall', async () => {
    const wish = await fulfilledWish(cloud);
    await cloud.ok(STAFF, 'wishes', 'revoke', { wishId: wish.id, reason: '心愿人反映未收到' });
    expect(await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).toMatchObject({
      status: 'open',
      fulfilment: null,
      mayConfirm: false,
    });
    expect(await cloud.call(POSTER, 'wishes', 'confirm', { wishId: wish.id })).toMatchObject({
      code: 'WISH_NOT_FULFILLED',
    });
    expect(await cloud.count(ENTRIES, { kind: 'wish' })).toBe(0);
  });
});

describe('the auto-release job', () => {
  test('after the due date the claim is released: back on the wall, masked again, both told', async () => {
    const wish = await openWish(cloud, POSTER, { wantedBy: cloud.clock.now() + DAY_MS });
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    expect(await releaseOverdueClaims.run(cloud.deps)).toBe('released 0 overdue claims');

    cloud.clock.set(wish.dueAt);
    expect(await releaseOverdueClaims.run(cloud.deps)).toBe('released 1 overdue claims');
    expect(await releaseOverdueClaims.run(cloud.deps)).toBe('released 0 overdue claims');
    expect(await wallIds()).toEqual([wish.id]);
    expect(await cloud.ok(MEMBER, 'wishes', 'get', { wishId: wish.id })).toMatchObject({
      status: 'open',
      statusLabel: '已逾期',
      isOverdue: true,
      contact: null,
      contactVisible: false,
      mayClaim: false,
      claimBlockedReason: '该心愿已过期望日期，暂不能认领',
    });
    expect((await messagesOf(cloud, people.memberId)).map((m) => m.title)).toEqual([
      `认领成功：${wish.title}`,
      `认领已超期释放：${wish.title}`,
    ]);
    expect((await messagesOf(cloud, people.posterId)).at(-1)?.title).toBe(`心愿认领已到期：${wish.title}`);
    expect((await cloud.ok(MEMBER, 'wishes', 'claimed', {})).items[0].claim.status).toBe('expired');
    expect((await cloud.ok(STAFF, 'wishes', 'board', {})).overdue).toBe(1);
    // On the wall as 已逾期, but not waiting for a claim: not under 待认领, not on the home page's count.
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { status: 'open' })).items).toEqual([]);
    expect((await cloud.ok(MEMBER, 'user', 'home', {})).wishes).toEqual({ open: 0, latest: [] });

    // Staff move the date: claimable again, under 待认领 and on the home page; the poster is told.
    await cloud.ok(STAFF, 'wishes', 'edit', {
      wishId: wish.id,
      wantedBy: cloud.clock.now() + 3 * DAY_MS,
      note: '与居民商量后延后日期',
    });
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { status: 'open' })).items.map((w) => w.id)).toEqual([
      wish.id,
    ]);
    expect((await cloud.ok(MEMBER, 'user', 'home', {})).wishes.open).toBe(1);
    expect((await cloud.ok(MEMBER, 'wishes', 'get', { wishId: wish.id })).mayClaim).toBe(true);
    expect((await messagesOf(cloud, people.posterId)).at(-1)).toMatchObject({
      title: `心愿已由社区修改：${wish.title}`,
      body: '修改说明：与居民商量后延后日期',
    });
  });

  test('a wish already fulfilled is never released by the job', async () => {
    const wish = await fulfilledWish(cloud);
    cloud.clock.set(wish.dueAt + DAY_MS);
    expect(await releaseOverdueClaims.run(cloud.deps)).toBe('released 0 overdue claims');
    expect((await cloud.ok(POSTER, 'wishes', 'confirm', { wishId: wish.id })).status).toBe('closed');
  });
});

describe('lists', () => {
  async function postMany(count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const poster = `wx-p${i}`;
      await cloud.addUser(poster);
      const wish = await openWish(cloud, poster, {
        category: i % 2 === 0 ? 'goods' : 'company',
        wantedBy: cloud.clock.now() + (10 - (i % 5)) * DAY_MS,
      });
      ids.push(wish.id);
    }
    return ids;
  }

  test('the wall filters by category and status, newest or due-soon first, page by page without gaps', async () => {
    const ids = await postMany(12); // all approved at the same instant: the id breaks the ties
    const seen: string[] = [];
    let cursor: { at: number; id: string } | undefined;
    for (;;) {
      const page = await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { limit: 5, cursor });
      seen.push(...page.items.map((w) => w.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(12);
    // A page that ends exactly at the last wish says so: no cursor to an empty page (usePaged's 加载更多).
    const whole = await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { limit: 12 });
    expect([whole.items.length, whole.next]).toEqual([12, null]);

    const goods = await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { category: 'goods' });
    expect(goods.items.every((w) => w.category === 'goods')).toBe(true);
    expect(goods.items).toHaveLength(6);

    const dueSoon = (await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { order: 'dueSoon', limit: 50 })).items;
    const dues = dueSoon.map((w) => w.dueAt);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: ids[0] });
    expect(
      (await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { status: 'claimed' })).items.map((w) => w.id),
    ).toEqual([ids[0]]);
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { status: 'open' })).items).toHaveLength(11);
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'wall', { status: 'closed' })).items).toHaveLength(0);
  });

  test('newest first means most recently approved first, hidden and rejected ones under no filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await cloud.addUser(`wx-n${i}`);
      cloud.clock.advance(HOUR_MS);
      ids.push((await openWish(cloud, `wx-n${i}`, { category: 'goods' })).id);
    }
    expect(await wallIds()).toEqual([...ids].reverse());
    await cloud.ok(STAFF, 'moderation', 'hideItem', { kind: 'wish', id: ids[1], reason: '含广告信息' });
    const rejected = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud, { category: 'goods' }));
    await cloud.ok(STAFF, 'wishes', 'review', {
      wishId: rejected.id,
      approve: false,
      reason: '不属于微心愿范围',
    });
    for (const filter of [
      {},
      { category: 'goods' as const },
      { status: 'open' as const },
      { order: 'dueSoon' as const },
    ]) {
      const shown = (await cloud.ok(NEIGHBOUR, 'wishes', 'wall', filter)).items.map((w) => w.id);
      expect(shown).not.toContain(ids[1]);
      expect(shown).not.toContain(rejected.id);
    }
    expect((await cloud.ok(NEIGHBOUR, 'user', 'home', {})).wishes.latest.map((w) => w.id)).toEqual([
      ids[2],
      ids[0],
    ]);
  });

  test('the staff board counts open, claimed, overdue and done this month', async () => {
    const [a, b, c] = await postMany(3);
    await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: a });
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: b });
    await cloud.ok(MEMBER, 'wishes', 'fulfil', { wishId: b, note: '完成', photos: PROOF });
    await cloud.ok('wx-p1', 'wishes', 'confirm', { wishId: b });
    const waiting = await fulfilledWish(cloud);
    expect(await cloud.ok(STAFF, 'wishes', 'board', {})).toEqual({
      pending: 1,
      open: 1,
      claimed: 2,
      overdue: 0,
      doneThisMonth: 1,
      hidden: 0,
      openReports: 0,
    });
    cloud.clock.advance(40 * DAY_MS);
    // A fulfilled wish waiting for confirmation stays with the claimed ones, however late.
    expect(await cloud.ok(STAFF, 'wishes', 'board', {})).toMatchObject({
      open: 0,
      claimed: 1,
      overdue: 2,
      doneThisMonth: 0,
    });
    const claimed = await cloud.ok(STAFF, 'wishes', 'staffList', { bucket: 'claimed' });
    expect(claimed.items.map((w) => w.id)).toEqual([waiting.id]);
    const overdue = await cloud.ok(STAFF, 'wishes', 'staffList', { bucket: 'overdue' });
    expect(overdue.items.map((w) => w.id).sort()).toEqual([a, c].sort());
  });

  test('我的心愿 holds what the caller posted, and staff see their 代发布 there', async () => {
    const own = await openWish(cloud);
    const forZhang = await openWishFor(cloud, people.managedId);
    expect((await cloud.ok(POSTER, 'wishes', 'mine', {})).map((w) => w.id)).toEqual([own.id]);
    expect((await cloud.ok(STAFF, 'wishes', 'mine', {})).map((w) => w.id)).toEqual([forZhang.id]);
  });
});

test('withdrawing: the poster, or staff for a managed resident; never once claimed', async () => {
  const wish = await openWish(cloud);
  expect(await cloud.call(NEIGHBOUR, 'wishes', 'withdraw', { wishId: wish.id })).toMatchObject({
    code: 'FORBIDDEN',
  });
  await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
  expect(await cloud.call(POSTER, 'wishes', 'withdraw', { wishId: wish.id })).toMatchObject({
    code: 'WISH_NOT_WITHDRAWABLE',
  });
  const forZhang = await cloud.ok(STAFF, 'wishes', 'postFor', {
    ...wishInput(cloud),
    userId: people.managedId,
  });
  await cloud.addUser('wx-staff2', ['staff']);
  expect(await cloud.ok('wx-staff2', 'wishes', 'withdraw', { wishId: forZhang.id })).toMatchObject({
    status: 'withdrawn',
    statusLabel: '已撤回',
  });
  expect(await cloud.count(AUDIT, { action: 'wish.withdraw', onBehalfOf: people.managedId })).toBe(1);
  expect((await stored.wishes(cloud)).find((w) => w._id === forZhang.id)?.status).toBe('withdrawn');
});
