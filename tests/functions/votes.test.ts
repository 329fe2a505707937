/** 需求征集: proposing, screening, supports once each, the threshold, merging duplicates, moderation hooks. */
import type { UserId } from '../../core/contract';
import { MINUTE_MS } from '../../core/time';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { inTransaction } from '../../cloudfunctions/runtime/db';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import {
  SUPPORTS,
  hideProposal,
  loadProposalForModeration,
  PROPOSALS,
} from '../../cloudfunctions/votes/store';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, acceptedProposal, supportBy } from '../support/votes';

let cloud: TestCloud;
let zhouId: UserId;
const NEIGHBOURS = ['wx-n1', 'wx-n2', 'wx-n3', 'wx-n4'];

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  zhouId = await cloud.addUser('wx-zhou', [], '周邻居');
  for (const openid of NEIGHBOURS) await cloud.addUser(openid);
  await cloud.ok(STAFF, 'votes', 'saveVotingSettings', { supportThreshold: 3, publicityDays: 3 });
});
afterEach(() => cloud.close());

const proposeInput = {
  requestId: 'propose-bench-1',
  title: '东门加装休息座椅',
  description: '东门广场老人多，没有地方坐，希望加装几张休息座椅。',
  category: 'elderly' as const,
  estimatedCost: 8000,
  location: '东门广场',
};

describe('proposing and screening', () => {
  test('a proposal waits for screening, seen only by its author and staff; a retry is the same proposal', async () => {
    const mine = await cloud.ok('wx-zhou', 'votes', 'propose', proposeInput);
    expect(mine).toMatchObject({
      status: 'pending',
      stage: 'pending',
      stageLabel: '待审核',
      isMine: true,
      authorName: '周邻居',
      estimatedCost: 8000,
      maySupport: false,
      mayScreen: false,
    });
    expect((await cloud.ok('wx-zhou', 'votes', 'propose', proposeInput)).id).toBe(mine.id);
    expect(await cloud.count(PROPOSALS)).toBe(1);
    expect(
      await cloud.call('wx-zhou', 'votes', 'propose', { ...proposeInput, title: '别的标题内容' }),
    ).toMatchObject({ code: 'REQUEST_REUSED' });

    expect(await cloud.call('wx-n1', 'votes', 'proposal', { proposalId: mine.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.ok('wx-n1', 'votes', 'proposals', {})).toEqual({ items: [], next: null });
    expect((await cloud.ok('wx-zhou', 'votes', 'myProposals', {})).items.map((p) => p.id)).toEqual([mine.id]);
    const queue = (await cloud.ok(STAFF, 'votes', 'pendingProposals', {})).items;
    expect(queue).toMatchObject([{ id: mine.id, mayScreen: true, mayMerge: true }]);
  });

  test('text that fails the content check is refused and nothing is stored', async () => {
    const res = await cloud.call('wx-zhou', 'votes', 'propose', {
      ...proposeInput,
      description: '这里有人组织赌博活动，需要整治一下。',
    });
    expect(res).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await cloud.count(PROPOSALS)).toBe(0);
  });

  test('staff accept into the 需求清单 or decline with a public reason; the author is told, the decision audited', async () => {
    const a = await cloud.ok('wx-zhou', 'votes', 'propose', proposeInput);
    const b = await cloud.ok('wx-zhou', 'votes', 'propose', {
      ...proposeInput,
      requestId: 'propose-pool-1',
      title: '小区建游泳池',
    });
    expect(
      await cloud.call(STAFF, 'votes', 'screenProposal', { proposalId: b.id, accept: false }),
    ).toMatchObject({
      code: 'PROPOSAL_REASON_REQUIRED',
    });
    await cloud.ok(STAFF, 'votes', 'screenProposal', { proposalId: a.id, accept: true });
    const declined = await cloud.ok(STAFF, 'votes', 'screenProposal', {
      proposalId: b.id,
      accept: false,
      reason: '场地和预算都无法满足，建议改为社区健身设施。',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      stageLabel: '未采纳',
      decisionReason: expect.stringMatching(/场地/),
    });
    expect(
      await cloud.call(STAFF, 'votes', 'screenProposal', { proposalId: a.id, accept: true }),
    ).toMatchObject({
      code: 'PROPOSAL_DECIDED',
    });

    expect((await cloud.ok('wx-n1', 'votes', 'proposals', {})).items.map((p) => p.id)).toEqual([a.id]);
    // A declined proposal and its reason stay public.
    expect((await cloud.ok('wx-n1', 'votes', 'proposals', { status: 'declined' })).items).toMatchObject([
      { id: b.id, decisionReason: declined.decisionReason },
    ]);
    expect(await cloud.count(NOTIFICATIONS, { userId: zhouId, template: 'proposal_screened' })).toBe(2);
    expect(await cloud.count(AUDIT, { action: 'proposal.accept' })).toBe(1);
    expect(await cloud.count(AUDIT, { action: 'proposal.decline' })).toBe(1);
  });
});

describe('supports', () => {
  test('once per resident; reaching the threshold makes it 可上菜单', async () => {
    const p = await acceptedProposal(cloud, 'wx-zhou');
    expect(await cloud.ok('wx-n1', 'votes', 'proposal', { proposalId: p.id })).toMatchObject({
      supportCount: 0,
      supportThreshold: 3,
      maySupport: true,
      supported: false,
      stage: 'collecting',
    });
    const after = await cloud.ok('wx-n1', 'votes', 'support', { proposalId: p.id });
    expect(after).toMatchObject({ supportCount: 1, supported: true, maySupport: false });
    expect(await cloud.call('wx-n1', 'votes', 'support', { proposalId: p.id })).toMatchObject({
      code: 'PROPOSAL_ALREADY_SUPPORTED',
    });
    await supportBy(cloud, p.id, ['wx-n2', 'wx-n3']);
    expect(await cloud.ok('wx-n4', 'votes', 'proposal', { proposalId: p.id })).toMatchObject({
      supportCount: 3,
      menuReady: true,
      stage: 'menu_ready',
      stageLabel: '可上菜单',
    });
    expect(await cloud.count(SUPPORTS)).toBe(3);
  });

  test('only accepted proposals can be supported', async () => {
    const pending = await cloud.ok('wx-zhou', 'votes', 'propose', proposeInput);
    expect(await cloud.call('wx-zhou', 'votes', 'support', { proposalId: pending.id })).toMatchObject({
      code: 'PROPOSAL_NOT_ACCEPTED',
    });
    expect(await cloud.call('wx-n1', 'votes', 'support', { proposalId: pending.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('the 需求清单 lists newest first, a page at a time, and filters by category', async () => {
    const a = await acceptedProposal(cloud, 'wx-zhou', { category: 'safety' });
    cloud.clock.advance(MINUTE_MS);
    const b = await acceptedProposal(cloud, 'wx-zhou', { category: 'children' });
    cloud.clock.advance(MINUTE_MS);
    const c = await acceptedProposal(cloud, 'wx-n4', { category: 'safety' });
    await supportBy(cloud, b.id, ['wx-n1', 'wx-n2']);
    await supportBy(cloud, a.id, ['wx-n1']);
    const first = await cloud.ok('wx-n3', 'votes', 'proposals', { limit: 2 });
    expect(first.items.map((p) => [p.id, p.supportCount])).toEqual([
      [c.id, 0],
      [b.id, 2],
    ]);
    expect(first.next).not.toBeNull();
    const rest = await cloud.ok('wx-n3', 'votes', 'proposals', { limit: 2, cursor: first.next ?? undefined });
    expect(rest).toMatchObject({ items: [{ id: a.id, supportCount: 1 }], next: null });
    expect((await cloud.ok('wx-n1', 'votes', 'proposals', {})).items.map((p) => p.supported)).toEqual([
      false,
      true,
      true,
    ]);
    const safety = await cloud.ok('wx-n3', 'votes', 'proposals', { category: 'safety' });
    expect(safety.items.map((p) => p.id)).toEqual([c.id, a.id]);
  });
});

describe('merging duplicates', () => {
  test('supports carry over (each resident once), the merged one links to the survivor', async () => {
    const survivor = await acceptedProposal(cloud, 'wx-zhou', { title: '楼道感应灯更换' });
    const duplicate = await acceptedProposal(cloud, 'wx-n4', { title: '楼道灯经常不亮' });
    await supportBy(cloud, survivor.id, ['wx-n1', 'wx-n2']);
    await supportBy(cloud, duplicate.id, ['wx-n2', 'wx-n3']);

    const merged = await cloud.ok(STAFF, 'votes', 'mergeProposal', {
      proposalId: duplicate.id,
      intoId: survivor.id,
    });
    // n1, n2 and n3: n2 supported both and counts once.
    expect(merged).toMatchObject({ id: survivor.id, supportCount: 3, mergedFromCount: 1, menuReady: true });
    const gone = await cloud.ok('wx-n1', 'votes', 'proposal', { proposalId: duplicate.id });
    expect(gone).toMatchObject({
      status: 'merged',
      stageLabel: '已合并',
      mergedInto: { id: survivor.id, title: '楼道感应灯更换' },
      decisionReason: expect.stringMatching(/楼道感应灯更换/),
      maySupport: false,
    });
    expect(await cloud.call('wx-n1', 'votes', 'support', { proposalId: duplicate.id })).toMatchObject({
      code: 'PROPOSAL_MERGED',
    });
    // Someone who supported the duplicate already supports the survivor.
    expect(await cloud.ok('wx-n3', 'votes', 'proposal', { proposalId: survivor.id })).toMatchObject({
      supported: true,
      maySupport: false,
    });
    expect(await cloud.call('wx-n3', 'votes', 'support', { proposalId: survivor.id })).toMatchObject({
      code: 'PROPOSAL_ALREADY_SUPPORTED',
    });
    expect((await cloud.ok('wx-n1', 'votes', 'proposals', {})).items.map((p) => p.id)).toEqual([survivor.id]);
    expect(await cloud.count(NOTIFICATIONS, { title: '您的提议已合并' })).toBe(1);
    expect(await cloud.count(AUDIT, { action: 'proposal.merge' })).toBe(1);
  });

  test('a chain of merges links everything to the last survivor', async () => {
    const [a, b, c] = [
      await acceptedProposal(cloud, 'wx-zhou'),
      await acceptedProposal(cloud, 'wx-zhou'),
      await acceptedProposal(cloud, 'wx-zhou'),
    ];
    await supportBy(cloud, a.id, ['wx-n1']);
    await supportBy(cloud, b.id, ['wx-n2']);
    await supportBy(cloud, c.id, ['wx-n3']);
    await cloud.ok(STAFF, 'votes', 'mergeProposal', { proposalId: a.id, intoId: b.id });
    expect(
      await cloud.call(STAFF, 'votes', 'mergeProposal', { proposalId: c.id, intoId: a.id }),
    ).toMatchObject({
      code: 'PROPOSAL_MERGE_INVALID',
    });
    expect(
      await cloud.call(STAFF, 'votes', 'mergeProposal', { proposalId: c.id, intoId: c.id }),
    ).toMatchObject({
      code: 'PROPOSAL_MERGE_INVALID',
    });
    const last = await cloud.ok(STAFF, 'votes', 'mergeProposal', { proposalId: b.id, intoId: c.id });
    expect(last.supportCount).toBe(3);
    expect((await cloud.ok('wx-n1', 'votes', 'proposal', { proposalId: a.id })).mergedInto?.id).toBe(c.id);
  });
});

describe('moderation hooks', () => {
  test('a hidden proposal leaves every public list; its author and staff still see why', async () => {
    const p = await acceptedProposal(cloud, 'wx-zhou');
    expect(await loadProposalForModeration(cloud.deps.db, p.id)).toEqual({
      title: p.title,
      excerpt: p.description,
      authorId: zhouId,
      isPublic: true,
      hidden: false,
      photos: [],
    });
    const hide = () =>
      inTransaction(cloud.deps.db, (tx) => hideProposal(tx, p.id, '图片违规', cloud.clock.now()));
    expect(await hide()).toBe(true);
    expect(await hide()).toBe(false);
    expect(await loadProposalForModeration(cloud.deps.db, p.id)).toMatchObject({ isPublic: false });
    expect(await loadProposalForModeration(cloud.deps.db, 'nope')).toBeNull();

    expect(await cloud.ok('wx-n1', 'votes', 'proposals', {})).toEqual({ items: [], next: null });
    expect(await cloud.call('wx-n1', 'votes', 'proposal', { proposalId: p.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.call('wx-n1', 'votes', 'support', { proposalId: p.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await cloud.ok('wx-zhou', 'votes', 'proposal', { proposalId: p.id })).toMatchObject({
      hidden: true,
      hiddenReason: '图片违规',
      maySupport: false,
    });
    expect(await cloud.call('wx-zhou', 'votes', 'support', { proposalId: p.id })).toMatchObject({
      code: 'PROPOSAL_HIDDEN',
    });
  });
});
