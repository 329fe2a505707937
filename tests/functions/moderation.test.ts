/** 举报 and image checks: reported or risky items leave public view; reporters are answered. */
import { mediaCheckPush, recordImageVerdict, submitImages } from '../../cloudfunctions/moderation/images';
import { route as moderationRoute, jobs as moderationJobs, pushes } from '../../cloudfunctions/moderation';
import { MEDIA_CHECKS, REPORTS, type MediaCheckFields } from '../../cloudfunctions/moderation/store';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { findAll } from '../../cloudfunctions/runtime/db';
import { dispatch } from '../../cloudfunctions/runtime/dispatch';
import { findUser } from '../../cloudfunctions/runtime/users';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import {
  MEMBER,
  NEIGHBOUR,
  POSTER,
  STAFF,
  community,
  expectGuardsConsistent,
  messagesOf,
  openWish,
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

const onWall = async (wishId: string) =>
  (await cloud.ok(NEIGHBOUR, 'wishes', 'wall', {})).items.some((w) => w.id === wishId);

const report = (openid: string, id: string, text = '内容不实') =>
  cloud.call(openid, 'moderation', 'report', { kind: 'wish', id, category: 'false_info', text });

const mediaChecks = () => findAll<MediaCheckFields>(cloud.deps.db.collection(MEDIA_CHECKS), 1000);

describe('举报', () => {
  test('one open report per reporter and item, however often they tap', async () => {
    const wish = await openWish(cloud);
    expect((await cloud.ok(NEIGHBOUR, 'wishes', 'get', { wishId: wish.id })).mayReport).toBe(true);
    const results = await Promise.all(Array.from({ length: 5 }, () => report(NEIGHBOUR, wish.id)));
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : r.code)));
    expect(ids.size).toBe(1);
    expect(await cloud.count(REPORTS)).toBe(1);
    expect(await cloud.ok(NEIGHBOUR, 'moderation', 'myReport', { kind: 'wish', id: wish.id })).toMatchObject({
      status: 'open',
      statusLabel: '待处理',
      categoryLabel: '虚假信息',
      title: wish.title,
      reporterName: '',
    });
    expect(await cloud.ok(MEMBER, 'moderation', 'myReport', { kind: 'wish', id: wish.id })).toBeNull();
  });

  test('only public items, not one’s own, and 其他 needs a reason', async () => {
    const pending = await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
    expect(await report(NEIGHBOUR, pending.id)).toMatchObject({ code: 'REPORT_NOT_PUBLIC' });
    const wish = await openWish(cloud);
    expect(await report(POSTER, wish.id)).toMatchObject({ code: 'REPORT_OWN' });
    expect((await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).mayReport).toBe(false);
    expect(
      await cloud.call(NEIGHBOUR, 'moderation', 'report', { kind: 'wish', id: wish.id, category: 'other' }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '请说明举报原因' });
    expect(await report(NEIGHBOUR, 'w-missing')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await cloud.count(REPORTS)).toBe(0);
  });

  test('staff hide a reported wish: off the wall for good; the claim ends; every reporter is told', async () => {
    const wish = await openWish(cloud);
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    const first = await cloud.ok(NEIGHBOUR, 'moderation', 'report', {
      kind: 'wish',
      id: wish.id,
      category: 'privacy',
      text: '照片里有门牌号',
    });
    cloud.clock.advance(1000);
    await cloud.addUser('wx-other');
    await report('wx-other', wish.id);

    const queue = await cloud.ok(STAFF, 'moderation', 'listReports', {});
    expect(queue.items.map((r) => r.reporterName)).toEqual(['周邻居', 'wx-other']);
    expect(queue.items[0]).toMatchObject({ targetPublic: true, excerpt: wish.story });
    expect((await cloud.ok(STAFF, 'wishes', 'board', {})).openReports).toBe(2);

    const decided = await cloud.ok(STAFF, 'moderation', 'decide', {
      reportId: first.id,
      decision: 'hide',
      note: '已核实，照片涉及隐私',
    });
    expect(decided).toMatchObject({ status: 'hidden', statusLabel: '已屏蔽', targetPublic: false });
    expect(await onWall(wish.id)).toBe(false);
    expect(await cloud.call(NEIGHBOUR, 'wishes', 'get', { wishId: wish.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).toMatchObject({
      statusLabel: '已屏蔽',
      hiddenReason: '经举报核实（泄露隐私）：已核实，照片涉及隐私',
      mayWithdraw: true,
      photos: [],
    });
    // The member working on it is let go, and told.
    expect(await cloud.ok(MEMBER, 'wishes', 'get', { wishId: wish.id }).catch(() => null)).toBeNull();
    expect((await messagesOf(cloud, people.memberId)).at(-1)?.title).toBe(`认领已解除：${wish.title}`);
    const [row] = (await cloud.ok(MEMBER, 'wishes', 'claimed', {})).items;
    expect(row).toMatchObject({
      claim: { status: 'hidden' },
      wish: { title: wish.title, story: '', photos: [] },
    });
    // Both reporters hear the outcome once; nothing is left open.
    for (const openid of [NEIGHBOUR, 'wx-other']) {
      const user = await cloud.ok(openid, 'user', 'login', {});
      const outcome = (await messagesOf(cloud, user.user.id)).filter((m) => m.template === 'report_decided');
      expect(outcome.map((m) => m.body)).toEqual(['经社区核实，该内容已屏蔽。已核实，照片涉及隐私']);
    }
    expect((await cloud.ok(STAFF, 'moderation', 'listReports', {})).items).toEqual([]);
    expect((await cloud.ok(STAFF, 'moderation', 'listReports', { status: 'decided' })).items).toHaveLength(2);
    expect(await cloud.count(AUDIT, { action: 'report.hidden' })).toBe(1);
    expect(
      await cloud.call(STAFF, 'moderation', 'decide', {
        reportId: first.id,
        decision: 'keep',
        note: '改主意',
      }),
    ).toMatchObject({ code: 'REPORT_DECIDED' });
    expect(await cloud.call(STAFF, 'wishes', 'review', { wishId: wish.id, approve: true })).toMatchObject({
      code: 'WISH_REVIEWED',
    });
    expect(
      (await cloud.ok(STAFF, 'wishes', 'staffList', { bucket: 'hidden' })).items.map((w) => w.id),
    ).toEqual([wish.id]);
  });

  test('staff keep a wish: it stays, the reporter is told, and may report it again later', async () => {
    const wish = await openWish(cloud);
    const first = await report(NEIGHBOUR, wish.id);
    if (!first.ok) throw new Error('report failed');
    await cloud.ok(STAFF, 'moderation', 'decide', {
      reportId: first.data.id,
      decision: 'keep',
      note: '经核实情况属实',
    });
    expect(await onWall(wish.id)).toBe(true);
    expect((await messagesOf(cloud, people.neighbourId)).at(-1)?.body).toBe(
      '经社区核实，该内容暂不屏蔽。经核实情况属实',
    );
    const again = await report(NEIGHBOUR, wish.id, '又发现问题');
    expect(again).toMatchObject({
      ok: true,
      data: { id: first.data.id, status: 'open', text: '又发现问题' },
    });
  });

  test('staff hide an item directly; open reports on it are answered', async () => {
    const wish = await openWish(cloud);
    await report(NEIGHBOUR, wish.id);
    expect(
      await cloud.ok(STAFF, 'moderation', 'hideItem', { kind: 'wish', id: wish.id, reason: '含广告信息' }),
    ).toEqual({ kind: 'wish', id: wish.id, isPublic: false });
    expect(await onWall(wish.id)).toBe(false);
    expect((await cloud.ok(STAFF, 'moderation', 'listReports', {})).items).toEqual([]);
    expect(await cloud.count(AUDIT, { action: 'wish.hide', targetId: wish.id })).toBe(1);
  });

  test('reports page through the queue oldest first', async () => {
    const wish = await openWish(cloud);
    for (let i = 0; i < 5; i += 1) {
      await cloud.addUser(`wx-r${i}`, [], `举报人${i}`);
      await report(`wx-r${i}`, wish.id);
      cloud.clock.advance(1000);
    }
    const first = await cloud.ok(STAFF, 'moderation', 'listReports', { limit: 3 });
    const rest = await cloud.ok(STAFF, 'moderation', 'listReports', {
      limit: 3,
      cursor: first.next ?? undefined,
    });
    expect([...first.items, ...rest.items].map((r) => r.reporterName)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `举报人${i}`),
    );
    expect(rest.next).toBeNull();
  });
});

describe('image checks', () => {
  test('every photo is checked; a risky verdict hides the wish when it arrives', async () => {
    const photos = ['/uploads/wishes/ok.jpg', '/uploads/wishes/risky-x.jpg'];
    const wish = await openWish(cloud, POSTER, { photos });
    expect((await mediaChecks()).map((c) => [c.fileId, c.status])).toEqual(
      expect.arrayContaining([
        [photos[0], 'pending'],
        [photos[1], 'pending'],
      ]),
    );
    expect(await onWall(wish.id)).toBe(true);

    await cloud.imageCheck.flush();
    expect(await onWall(wish.id)).toBe(false);
    expect(await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).toMatchObject({
      hiddenReason: '图片未通过安全检测',
      photos: [],
    });
    const checks = await cloud.ok(STAFF, 'moderation', 'imageChecks', { kind: 'wish', id: wish.id });
    expect(checks.map((c) => [c.fileId, c.statusLabel]).sort()).toEqual(
      [
        [photos[0], '通过'],
        [photos[1], '违规'],
      ].sort(),
    );
    expect((await cloud.ok(STAFF, 'wishes', 'get', { wishId: wish.id })).photos).toEqual(photos);
    expect((await messagesOf(cloud, people.posterId)).at(-1)?.title).toBe(`心愿已被屏蔽：${wish.title}`);
  });

  test('a verdict received twice (or a different one later) changes nothing more', async () => {
    const wish = await openWish(cloud, POSTER, { photos: ['/uploads/wishes/a.jpg'] });
    const [check] = await mediaChecks();
    expect(await recordImageVerdict(cloud.deps, check._id, 'risky')).toBe(`trace ${check._id}: risky`);
    const notices = (await messagesOf(cloud, people.posterId)).length;
    await Promise.all([
      recordImageVerdict(cloud.deps, check._id, 'risky'),
      recordImageVerdict(cloud.deps, check._id, 'pass'),
    ]);
    expect((await messagesOf(cloud, people.posterId)).length).toBe(notices);
    expect((await mediaChecks())[0].status).toBe('risky');
    expect(await onWall(wish.id)).toBe(false);
  });

  test('staff review a photo judged 疑似 and put the wish back; audited, once', async () => {
    const wish = await openWish(cloud, POSTER, { photos: ['/uploads/wishes/a.jpg'] });
    const [check] = await mediaChecks();
    await recordImageVerdict(cloud.deps, check._id, 'review');
    expect(await onWall(wish.id)).toBe(false);
    expect((await cloud.ok(STAFF, 'wishes', 'get', { wishId: wish.id })).hiddenReason).toBe(
      '图片疑似违规，待社区复核',
    );
    const restore = { kind: 'wish' as const, id: wish.id, note: '已查看图片，无问题' };
    expect(await cloud.call(POSTER, 'moderation', 'restoreItem', restore)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await cloud.ok(STAFF, 'moderation', 'restoreItem', restore)).toEqual({
      kind: 'wish',
      id: wish.id,
      isPublic: true,
    });
    expect(await onWall(wish.id)).toBe(true);
    expect((await cloud.ok(POSTER, 'wishes', 'get', { wishId: wish.id })).hiddenReason).toBe('');
    expect(await cloud.call(STAFF, 'moderation', 'restoreItem', restore)).toMatchObject({
      code: 'CONFLICT',
      message: '该内容未被屏蔽',
    });
    expect(await cloud.count(AUDIT, { action: 'wish.restore', targetId: wish.id })).toBe(1);
  });

  test('a wish showing a photo that failed the check stays hidden until staff remove the photo', async () => {
    const photos = ['/uploads/wishes/ok.jpg', '/uploads/wishes/risky-y.jpg'];
    const wish = await openWish(cloud, POSTER, { photos });
    await cloud.imageCheck.flush();
    expect(await onWall(wish.id)).toBe(false);
    const restore = { kind: 'wish' as const, id: wish.id, note: '复核后恢复' };
    expect(await cloud.call(STAFF, 'moderation', 'restoreItem', restore)).toMatchObject({
      code: 'CONFLICT',
      message: '有图片未通过安全检测，请先删除该图片再恢复',
    });
    expect(await onWall(wish.id)).toBe(false);
    await cloud.ok(STAFF, 'wishes', 'edit', { wishId: wish.id, photos: [photos[0]], note: '删除违规图片' });
    expect((await cloud.ok(STAFF, 'moderation', 'restoreItem', restore)).isPublic).toBe(true);
    expect(await onWall(wish.id)).toBe(true);
  });

  test('a pending wish with a risky photo can be rejected but never approved', async () => {
    const posted = await cloud.ok(
      POSTER,
      'wishes',
      'post',
      wishInput(cloud, { photos: ['/uploads/wishes/risky-a.jpg'] }),
    );
    await cloud.imageCheck.flush();
    expect((await cloud.ok(STAFF, 'wishes', 'staffList', { bucket: 'pending' })).items[0]).toMatchObject({
      id: posted.id,
      mayApprove: false,
      mayReview: true,
    });
    expect(await cloud.call(STAFF, 'wishes', 'review', { wishId: posted.id, approve: true })).toMatchObject({
      code: 'WISH_HIDDEN',
    });
    await cloud.ok(STAFF, 'wishes', 'review', { wishId: posted.id, approve: false, reason: '图片不合适' });
    expect(await onWall(posted.id)).toBe(false);
  });

  test('proof photos are checked too; staff edits send only new photos', async () => {
    const wish = await openWish(cloud, POSTER, { photos: ['/uploads/wishes/a.jpg'] });
    await cloud.ok(STAFF, 'wishes', 'edit', {
      wishId: wish.id,
      photos: ['/uploads/wishes/a.jpg', '/uploads/wishes/b.jpg'],
      note: '补一张照片',
    });
    await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
    await cloud.ok(MEMBER, 'wishes', 'fulfil', {
      wishId: wish.id,
      note: '完成',
      photos: ['/uploads/wishes/risky-p.jpg'],
    });
    expect((await mediaChecks()).map((c) => c.fileId).sort()).toEqual(
      ['/uploads/wishes/a.jpg', '/uploads/wishes/b.jpg', '/uploads/wishes/risky-p.jpg'].sort(),
    );
    await cloud.imageCheck.flush();
    // Hidden, but the help was given: the recipient may still confirm, and the member is paid.
    expect(await onWall(wish.id)).toBe(false);
    expect((await cloud.ok(POSTER, 'wishes', 'confirm', { wishId: wish.id })).status).toBe('closed');
    expect((await cloud.ok(MEMBER, 'points', 'myAccount', {})).balance).toBe(5);
  });

  test('a verdict that arrives before its row is written is applied when the row is', async () => {
    const wish = await openWish(cloud);
    const early = { submit: async () => ({ traceId: 'trace-early' }) };
    expect(await recordImageVerdict(cloud.deps, 'trace-early', 'risky')).toBe(
      'trace trace-early: risky, waiting for its row',
    );
    const caller = await findUser(cloud.deps.db, people.posterId);
    if (!caller) throw new Error('no poster');
    await submitImages(
      { db: cloud.deps.db, imageCheck: early, openid: POSTER, caller, now: cloud.clock.now() },
      { kind: 'wish', id: wish.id },
      ['/uploads/wishes/late.jpg'],
    );
    expect(await onWall(wish.id)).toBe(false);
  });

  test('a check that cannot be sent is recorded as failed and hides nothing', async () => {
    const wish = await openWish(cloud);
    const broken = {
      submit: async () => {
        throw new Error('mediaCheckAsync quota exceeded');
      },
    };
    const caller = await findUser(cloud.deps.db, people.posterId);
    if (!caller) throw new Error('no poster');
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await submitImages(
      { db: cloud.deps.db, imageCheck: broken, openid: POSTER, caller, now: cloud.clock.now() },
      { kind: 'wish', id: wish.id },
      ['/uploads/wishes/x.jpg'],
    );
    error.mockRestore();
    expect(
      (await cloud.ok(STAFF, 'moderation', 'imageChecks', { kind: 'wish', id: wish.id }))[0],
    ).toMatchObject({
      status: 'error',
      statusLabel: '检测失败',
    });
    expect(await onWall(wish.id)).toBe(true);
  });
});

describe("mediaCheckAsync's message push", () => {
  const push = (traceId: string, suggest = 'risky') => ({
    ToUserName: 'gh_x',
    FromUserName: 'o-user',
    MsgType: 'event',
    Event: 'wxa_media_check',
    trace_id: traceId,
    version: 2,
    result: { suggest, label: 20002 },
  });

  test('a push without a caller records the verdict; the same body from a resident is an unknown action', async () => {
    const wish = await openWish(cloud, POSTER, { photos: ['/uploads/wishes/a.jpg'] });
    const [check] = await mediaChecks();

    expect(
      await dispatch(push(check._id), 'wx-resident', moderationRoute, moderationJobs, cloud.deps, pushes),
    ).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    });
    expect((await mediaChecks())[0].status).toBe('pending');
    expect(await onWall(wish.id)).toBe(true);

    expect(
      await dispatch(push(check._id), null, moderationRoute, moderationJobs, cloud.deps, pushes),
    ).toEqual({
      ok: true,
      data: `trace ${check._id}: risky`,
    });
    expect(await onWall(wish.id)).toBe(false);
    expect(
      await dispatch(
        { MsgType: 'event', Event: 'other' },
        null,
        moderationRoute,
        moderationJobs,
        cloud.deps,
        pushes,
      ),
    ).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  test('a failed check (errcode, no result) is recorded as failed; a malformed push is ignored', async () => {
    const wish = await openWish(cloud, POSTER, { photos: ['/uploads/wishes/a.jpg'] });
    const [check] = await mediaChecks();
    const failed = {
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: check._id,
      errcode: 43104,
      detail: [],
    };
    expect(await mediaCheckPush.handle(failed, cloud.deps)).toBe(`trace ${check._id}: error`);
    expect(await mediaCheckPush.handle({ MsgType: 'event', Event: 'wxa_media_check' }, cloud.deps)).toBe(
      'ignored: not a media check verdict',
    );
    expect(await onWall(wish.id)).toBe(true);
  });
});

test('a report upheld while a member claims: the wish ends hidden, with no live claim', async () => {
  const wish = await openWish(cloud);
  const filed = await report(NEIGHBOUR, wish.id);
  if (!filed.ok) throw new Error('report failed');
  await Promise.all([
    cloud.call(MEMBER, 'wishes', 'claim', { wishId: wish.id }),
    cloud.call(STAFF, 'moderation', 'decide', {
      reportId: filed.data.id,
      decision: 'hide',
      note: '核实属实',
    }),
  ]);
  const seen = await cloud.ok(STAFF, 'wishes', 'get', { wishId: wish.id });
  expect(seen).toMatchObject({ statusLabel: '已屏蔽', status: 'open', claim: null });
});

describe('百姓点菜 proposals are moderated the same way', () => {
  const inList = async (proposalId: string) =>
    (await cloud.ok(NEIGHBOUR, 'votes', 'proposals', {})).items.some((p) => p.id === proposalId);

  async function acceptedProposal(photos: string[] = []) {
    const proposed = await cloud.ok(POSTER, 'votes', 'propose', {
      requestId: 'moderated-proposal-1',
      title: '楼下加装晾衣架',
      description: '老人晾被子不方便，希望在空地加装晾衣架。',
      category: 'elderly',
      photos,
    });
    return cloud.ok(STAFF, 'votes', 'screenProposal', { proposalId: proposed.id, accept: true });
  }

  test('the view says who may report a proposal: a neighbour once it is public, never its author or staff', async () => {
    const proposed = await cloud.ok(POSTER, 'votes', 'propose', {
      requestId: 'moderated-proposal-0',
      title: '路口加装反光镜',
      description: '转角视线不好，电动车容易撞到行人。',
      category: 'safety',
    });
    const pending = await cloud.ok(STAFF, 'votes', 'proposal', { proposalId: proposed.id });
    expect(pending.mayReport).toBe(false);
    await cloud.ok(STAFF, 'votes', 'screenProposal', { proposalId: proposed.id, accept: true });
    const as = (openid: string) => cloud.ok(openid, 'votes', 'proposal', { proposalId: proposed.id });
    expect((await as(NEIGHBOUR)).mayReport).toBe(true);
    expect((await as(POSTER)).mayReport).toBe(false);
    expect((await as(STAFF)).mayReport).toBe(false);
  });

  test('a reported proposal hidden by staff leaves the 需求清单; its author and the reporter are told', async () => {
    const proposal = await acceptedProposal();
    expect(await inList(proposal.id)).toBe(true);
    const reported = await cloud.ok(NEIGHBOUR, 'moderation', 'report', {
      kind: 'proposal',
      id: proposal.id,
      category: 'ad',
      text: '这是广告',
    });
    expect(reported).toMatchObject({ kind: 'proposal', kindLabel: '百姓点菜提议', title: proposal.title });
    await cloud.ok(STAFF, 'moderation', 'decide', { reportId: reported.id, decision: 'hide', note: '属实' });
    expect(await inList(proposal.id)).toBe(false);
    expect((await messagesOf(cloud, people.posterId)).map((m) => m.title)).toContain(
      `提议已被屏蔽：${proposal.title}`,
    );
    expect((await messagesOf(cloud, people.neighbourId)).length).toBeGreaterThan(0);

    // Staff think again: the proposal is back in the list, its reason gone, the act audited.
    await cloud.ok(STAFF, 'moderation', 'restoreItem', {
      kind: 'proposal',
      id: proposal.id,
      note: '复核后认为不是广告',
    });
    expect(await inList(proposal.id)).toBe(true);
    expect(
      await cloud.count(AUDIT, { action: 'proposal.restore', targetId: proposal.id, type: 'moderation' }),
    ).toBe(1);
  });

  test('a risky photo verdict hides the proposal when it arrives', async () => {
    const proposal = await acceptedProposal(['/uploads/proposals/ok.jpg', '/uploads/proposals/risky-y.jpg']);
    expect((await mediaChecks()).filter((c) => c.targetId === proposal.id)).toHaveLength(2);
    expect(await inList(proposal.id)).toBe(true);
    await cloud.imageCheck.flush();
    expect(await inList(proposal.id)).toBe(false);
  });
});
