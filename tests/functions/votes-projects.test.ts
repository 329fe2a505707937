/** 微实事 projects: from a final winner, milestones as 公示, events and their hours, ratings once each. */
import fs from 'fs';
import path from 'path';
import type { ProposalView, RoundView } from '../../core/contract';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { ACCOUNTS, ENTRIES } from '../../cloudfunctions/points/ledger';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { inviteRatings } from '../../cloudfunctions/votes/jobs';
import { RATINGS } from '../../cloudfunctions/votes/store';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { publishedEvent, tokenFor } from '../support/events';
import {
  STAFF,
  acceptedProposal,
  closeVoting,
  endPublicity,
  openRound,
  readyProposals,
  startVoting,
} from '../support/votes';

let cloud: TestCloud;
let proposals: ProposalView[];
let round: RoundView;
const SUPPORTERS = ['wx-n1', 'wx-n2'];

/** A round whose result is final: proposal 0 won (two votes), proposal 1 lost (one). */
beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  for (const openid of [...SUPPORTERS, 'wx-v1', 'wx-v2', 'wx-outsider']) await cloud.addUser(openid);
  await cloud.addUser('wx-helper', ['volunteer'], '李志愿');
  proposals = await readyProposals(cloud, 3, SUPPORTERS);
  round = await openRound(cloud, [proposals[0].id, proposals[1].id, proposals[2].id], {
    rule: { kind: 'approval', maxChoices: 1 },
  });
  startVoting(cloud, round);
  await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: [proposals[0].id] });
  await cloud.ok('wx-v2', 'votes', 'castBallot', { roundId: round.id, choices: [proposals[0].id] });
  await cloud.ok('wx-n1', 'votes', 'castBallot', { roundId: round.id, choices: [proposals[1].id] });
  await closeVoting(cloud, round);
});
afterEach(() => cloud.close());

const projectInput = () => ({
  roundId: round.id,
  proposalId: proposals[0].id,
  organisation: '幸福里社工服务站',
  budget: 20000,
  plannedStartAt: cloud.clock.now() + DAY_MS,
  plannedEndAt: cloud.clock.now() + 60 * DAY_MS,
});

test('only a final winner becomes a project, once', async () => {
  expect(await cloud.call(STAFF, 'votes', 'createProject', projectInput())).toMatchObject({
    code: 'ROUND_NOT_FINAL',
  });
  await endPublicity(cloud, round.id);
  expect(
    await cloud.call(STAFF, 'votes', 'createProject', { ...projectInput(), proposalId: proposals[1].id }),
  ).toMatchObject({ code: 'PROJECT_NOT_WINNER' });
  const project = await cloud.ok(STAFF, 'votes', 'createProject', projectInput());
  expect(project).toMatchObject({
    title: proposals[0].title,
    budget: 20000,
    spent: 0,
    progress: 0,
    phase: 'upcoming',
    phaseLabel: '待实施',
    mayManage: true,
    mayRate: false,
  });
  expect(await cloud.call(STAFF, 'votes', 'createProject', projectInput())).toMatchObject({
    code: 'PROJECT_EXISTS',
  });
  expect((await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id })).projectableIds).toEqual([]);
  expect((await cloud.ok('wx-v1', 'votes', 'proposal', { proposalId: proposals[0].id })).stage).toBe(
    'in_project',
  );
  expect(await cloud.count(AUDIT, { action: 'project.create' })).toBe(1);
});

test('milestones stay hidden from residents until their date; progress and money come from those reached', async () => {
  await endPublicity(cloud, round.id);
  const created = await cloud.ok(STAFF, 'votes', 'createProject', projectInput());
  const now = cloud.clock.now();
  await cloud.ok(STAFF, 'votes', 'saveMilestone', {
    projectId: created.id,
    title: '方案设计',
    date: now - HOUR_MS,
    progress: 30,
    spent: 2000,
  });
  const staffView = await cloud.ok(STAFF, 'votes', 'saveMilestone', {
    projectId: created.id,
    title: '施工安装',
    date: now + 10 * DAY_MS,
    progress: 80,
    spent: 9000,
  });
  expect(staffView.milestones.map((m) => [m.title, m.planned])).toEqual([
    ['方案设计', false],
    ['施工安装', true],
  ]);
  const residentView = await cloud.ok('wx-v1', 'votes', 'project', { projectId: created.id });
  expect(residentView.milestones.map((m) => m.title)).toEqual(['方案设计']);
  expect(residentView).toMatchObject({ progress: 30, spent: 2000, budget: 20000 });

  // Editing a milestone keeps its id; once its date comes residents see it.
  const install = staffView.milestones[1];
  await cloud.ok(STAFF, 'votes', 'saveMilestone', {
    projectId: created.id,
    milestoneId: install.id,
    title: '施工安装',
    date: install.date,
    progress: 85,
    spent: 9500,
  });
  cloud.clock.set(install.date);
  const later = await cloud.ok('wx-v1', 'votes', 'project', { projectId: created.id });
  expect(later).toMatchObject({ progress: 85, spent: 11500, phase: 'in_progress' });
  expect(later.milestones.map((m) => m.id)).toEqual([staffView.milestones[0].id, install.id]);
  expect(await cloud.ok('wx-v1', 'votes', 'projects', {})).toMatchObject({
    items: [{ id: created.id, progress: 85 }],
    next: null,
  });

  const replanned = await cloud.ok(STAFF, 'votes', 'updateProject', {
    projectId: created.id,
    organisation: '区城建共建单位',
    budget: 25000,
    plannedStartAt: created.plannedStartAt,
    plannedEndAt: created.plannedEndAt,
  });
  expect(replanned).toMatchObject({ organisation: '区城建共建单位', budget: 25000, spent: 11500 });
  expect(await cloud.count(AUDIT, { action: 'project.update', detail: '预算20000→25000元' })).toBe(1);
});

test('events of the project record volunteer hours that show on it', async () => {
  await endPublicity(cloud, round.id);
  const project = await cloud.ok(STAFF, 'votes', 'createProject', projectInput());
  expect(
    await cloud.call(STAFF, 'events', 'save', eventInput({ projectId: project.id, category: 'community' })),
  ).toMatchObject({ code: 'INVALID_INPUT' });
  expect(await cloud.call(STAFF, 'events', 'save', eventInput({ projectId: 'pj_nothing' }))).toMatchObject({
    code: 'INVALID_INPUT',
  });
  const event = await publishedEvent(cloud, eventInput({ projectId: project.id }));
  expect(event).toMatchObject({ category: 'project', projectId: project.id });
  await cloud.ok('wx-helper', 'events', 'signUp', { eventId: event.id });
  cloud.clock.set(event.startAt);
  await cloud.ok('wx-helper', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });
  cloud.clock.set(event.endAt);
  await cloud.ok('wx-helper', 'events', 'checkOut', { token: await tokenFor(cloud, event.id, 'out') });
  cloud.clock.advance(HOUR_MS);
  await cloud.ok(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] });

  const view = await cloud.ok('wx-v1', 'votes', 'project', { projectId: project.id });
  expect(view).toMatchObject({ volunteerMinutes: 180, volunteerCount: 1 });
  expect(view.events).toMatchObject([{ id: event.id, title: event.title }]);
});

function eventInput(overrides: object) {
  const startAt = cloud.clock.now() + 2 * DAY_MS;
  return {
    title: '座椅安装志愿服务',
    category: 'project' as const,
    place: '东门广场',
    startAt,
    endAt: startAt + 3 * HOUR_MS,
    signupDeadline: startAt - HOUR_MS,
    capacity: 10,
    audience: 'everyone' as const,
    ...overrides,
  };
}

test('on completion voters and participants are invited and rate once each; the page shows average and count', async () => {
  await endPublicity(cloud, round.id);
  const project = await cloud.ok(STAFF, 'votes', 'createProject', projectInput());
  const event = await publishedEvent(cloud, eventInput({ projectId: project.id }));
  await cloud.ok('wx-helper', 'events', 'signUp', { eventId: event.id });
  cloud.clock.set(event.startAt);
  await cloud.ok('wx-helper', 'events', 'checkIn', { token: await tokenFor(cloud, event.id, 'in') });

  expect(
    await cloud.call('wx-v1', 'votes', 'rateProject', { projectId: project.id, score: 5 }),
  ).toMatchObject({
    code: 'PROJECT_NOT_COMPLETED',
  });
  const done = await cloud.ok(STAFF, 'votes', 'completeProject', { projectId: project.id });
  expect(done).toMatchObject({ status: 'completed', phase: 'completed', progress: 100, mayManage: false });
  expect(
    await cloud.call(STAFF, 'votes', 'updateProject', {
      projectId: project.id,
      organisation: '幸福里社工服务站',
      budget: 1,
      plannedStartAt: 0,
      plannedEndAt: 0,
    }),
  ).toMatchObject({
    code: 'PROJECT_COMPLETED',
  });

  await inviteRatings(cloud.deps.db, cloud.clock.now());
  await inviteRatings(cloud.deps.db, cloud.clock.now());
  // Three voters and the volunteer who took part, once each.
  expect(await cloud.count(NOTIFICATIONS, { template: 'project_completed' })).toBe(4);

  const outsider = await cloud.ok('wx-outsider', 'votes', 'project', { projectId: project.id });
  expect(outsider).toMatchObject({ mayRate: false, rateBlockedReason: expect.stringMatching(/参与/) });
  expect(
    await cloud.call('wx-outsider', 'votes', 'rateProject', { projectId: project.id, score: 1 }),
  ).toMatchObject({
    code: 'PROJECT_NOT_PARTICIPANT',
  });
  expect((await cloud.ok('wx-v1', 'votes', 'project', { projectId: project.id })).mayRate).toBe(true);

  const concurrent = await Promise.all(
    Array.from({ length: 20 }, () =>
      cloud.call('wx-v1', 'votes', 'rateProject', { projectId: project.id, score: 5, comment: '座椅很实用' }),
    ),
  );
  expect(concurrent.filter((r) => r.ok)).toHaveLength(1);
  expect(new Set(concurrent.filter((r) => !r.ok).map((r) => !r.ok && r.code))).toEqual(
    new Set(['PROJECT_ALREADY_RATED']),
  );
  await cloud.ok('wx-helper', 'votes', 'rateProject', { projectId: project.id, score: 4 });
  const rated = await cloud.ok('wx-v2', 'votes', 'rateProject', {
    projectId: project.id,
    score: 4,
    comment: '',
  });
  expect(rated).toMatchObject({
    ratingAverage: 4.3,
    ratingCount: 3,
    myRating: { score: 4, comment: '' },
    mayRate: false,
  });
  expect(rated.ratingComments).toEqual([{ score: 5, comment: '座椅很实用', createdAt: expect.any(Number) }]);
  expect(await cloud.count(RATINGS)).toBe(3);
});

test('no proposal, support, ballot, objection, project or rating ever writes a ledger entry', async () => {
  // The whole voting flow above ran in beforeEach; finish it with a paper ballot, an objection and a rating.
  const objection = await cloud.ok('wx-v1', 'votes', 'fileObjection', {
    roundId: round.id,
    text: '请公开计票过程。',
  });
  await cloud.ok(STAFF, 'votes', 'answerObjection', {
    objectionId: objection.id,
    answer: '计票结果已在页面公示。',
  });
  await endPublicity(cloud, round.id);
  const project = await cloud.ok(STAFF, 'votes', 'createProject', projectInput());
  await cloud.ok(STAFF, 'votes', 'saveMilestone', {
    projectId: project.id,
    title: '完工',
    date: cloud.clock.now(),
    progress: 100,
  });
  await cloud.ok(STAFF, 'votes', 'completeProject', { projectId: project.id });
  await cloud.ok('wx-v1', 'votes', 'rateProject', { projectId: project.id, score: 5 });
  const second = await openRound(cloud, [proposals[1].id, proposals[2].id], {
    rule: { kind: 'approval', maxChoices: 1 },
  });
  startVoting(cloud, second);
  const duplicate = await acceptedProposal(cloud, 'wx-v2');
  await cloud.ok('wx-v1', 'votes', 'support', { proposalId: duplicate.id });
  await cloud.ok(STAFF, 'votes', 'mergeProposal', { proposalId: duplicate.id, intoId: proposals[2].id });
  const elder = await cloud.ok(STAFF, 'user', 'createManagedResident', { realName: '刘德福' });
  await cloud.ok(STAFF, 'votes', 'recordPaperBallot', {
    roundId: second.id,
    userId: elder.id,
    choices: [proposals[1].id],
  });

  expect(await cloud.count(ENTRIES)).toBe(0);
  expect(await cloud.count(ACCOUNTS)).toBe(0);
  // And none of the function's modules can: none of them reaches the ledger.
  const dir = path.join(__dirname, '../../cloudfunctions/votes');
  for (const file of fs.readdirSync(dir)) {
    expect({ file, source: fs.readFileSync(path.join(dir, file), 'utf8') }).not.toMatchObject({
      source: expect.stringMatching(/points\/ledger|postOnce|awardPoints|postEntry/),
    });
  }
});
