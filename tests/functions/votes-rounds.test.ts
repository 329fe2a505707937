/** Rounds, ballots (online and paper), the count, the 公示 with objections, and finality. */
import type { ProposalView, UserId } from '../../core/contract';
import { CLOSE_GRACE_MS, FREEZE_BEFORE_START_MS } from '../../core/domain/voting';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { AUDIT } from '../../cloudfunctions/runtime/audit';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { findAll } from '../../cloudfunctions/runtime/db';
import { advanceRounds, tellVoters } from '../../cloudfunctions/votes/jobs';
import { BALLOTS, findRound, type BallotFields } from '../../cloudfunctions/votes/store';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
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
let elderId: UserId;
let proposals: ProposalView[];
const SUPPORTERS = ['wx-n1', 'wx-n2'];
const VOTERS = ['wx-v1', 'wx-v2', 'wx-v3'];

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  for (const openid of [...SUPPORTERS, ...VOTERS]) await cloud.addUser(openid);
  elderId = (
    await cloud.ok(STAFF, 'user', 'createManagedResident', { realName: '张桂英', building: '1号楼' })
  ).id;
  // Costs 1000, 2000, 3000, 4000.
  proposals = await readyProposals(cloud, 4, SUPPORTERS, (i) => ({ estimatedCost: (i + 1) * 1000 }));
});
afterEach(() => cloud.close());

const ids = (...indexes: number[]) => indexes.map((i) => proposals[i].id);

describe('opening a round', () => {
  test('the menu takes only proposals that reached the threshold, and each only once', async () => {
    const fresh = await acceptedProposal(cloud, 'wx-n1', { title: '新的提议内容' });
    expect(await cloud.call(STAFF, 'votes', 'saveRound', roundInput([...ids(0), fresh.id]))).toMatchObject({
      code: 'PROPOSAL_NOT_READY',
      message: expect.stringContaining('新的提议内容'),
    });
    expect(await cloud.call(STAFF, 'votes', 'saveRound', roundInput(ids(0)))).toMatchObject({
      code: 'ROUND_MENU_TOO_SMALL',
    });
    expect(
      await cloud.call(STAFF, 'votes', 'saveRound', roundInput([...ids(0, 1), proposals[0].id])),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      await cloud.call(STAFF, 'votes', 'saveRound', {
        ...roundInput(ids(0, 1)),
        rule: { kind: 'approval', maxChoices: 2 },
      }),
    ).toMatchObject({ code: 'ROUND_RULE_INVALID' });

    const round = await openRound(cloud, ids(0, 1, 2));
    expect(round).toMatchObject({
      phase: 'upcoming',
      phaseLabel: '即将开始',
      menuCount: 3,
      mayEdit: true,
      mayVote: false,
      voteBlockedReason: '投票尚未开始',
      resultsVisible: false,
    });
    expect((await cloud.ok('wx-v1', 'votes', 'proposal', { proposalId: proposals[0].id })).stage).toBe(
      'on_ballot',
    );
    expect(await cloud.call(STAFF, 'votes', 'saveRound', roundInput(ids(2, 3)))).toMatchObject({
      code: 'PROPOSAL_ON_ROUND',
    });
    expect(await cloud.count(AUDIT, { action: 'round.open' })).toBe(1);
  });

  test('a budget round needs a cost for every proposal on its menu', async () => {
    const noCost = await acceptedProposal(cloud, 'wx-n1', { estimatedCost: undefined });
    for (const openid of SUPPORTERS) await cloud.ok(openid, 'votes', 'support', { proposalId: noCost.id });
    expect(
      await cloud.call(STAFF, 'votes', 'saveRound', {
        ...roundInput([...ids(0), noCost.id]),
        rule: { kind: 'budget', budget: 5000 },
      }),
    ).toMatchObject({ code: 'ROUND_COST_MISSING' });
  });

  test('rule, menu and budget are frozen from shortly before the start', async () => {
    const round = await openRound(cloud, ids(0, 1, 2));
    // Before the freeze staff may change the menu; a removed proposal returns to the list.
    const edited = await cloud.ok(STAFF, 'votes', 'saveRound', {
      ...roundInput(ids(0, 1)),
      roundId: round.id,
      startAt: round.startAt,
      endAt: round.endAt,
      rule: { kind: 'approval', maxChoices: 1 },
    });
    expect(edited).toMatchObject({ id: round.id, menuCount: 2, rule: { kind: 'approval', maxChoices: 1 } });
    expect((await cloud.ok(STAFF, 'votes', 'proposal', { proposalId: proposals[2].id })).mayPutOnMenu).toBe(
      true,
    );

    cloud.clock.set(round.startAt - FREEZE_BEFORE_START_MS);
    expect((await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id })).mayEdit).toBe(false);
    const edit = {
      ...roundInput(ids(0, 1, 2)),
      roundId: round.id,
      startAt: round.startAt,
      endAt: round.endAt,
    };
    expect(await cloud.call(STAFF, 'votes', 'saveRound', edit)).toMatchObject({ code: 'ROUND_FROZEN' });
    expect(
      await cloud.call(STAFF, 'votes', 'cancelRound', { roundId: round.id, reason: '改期' }),
    ).toMatchObject({
      code: 'ROUND_FROZEN',
    });
    startVoting(cloud, round);
    expect(await cloud.call(STAFF, 'votes', 'saveRound', edit)).toMatchObject({ code: 'ROUND_FROZEN' });
    expect((await findRound(cloud.deps.db, round.id))?.menu.map((m) => m.proposalId)).toEqual(ids(0, 1));
  });

  test('a round cancelled before its start releases its menu', async () => {
    const round = await openRound(cloud, ids(0, 1), { rule: { kind: 'approval', maxChoices: 1 } });
    const cancelled = await cloud.ok(STAFF, 'votes', 'cancelRound', {
      roundId: round.id,
      reason: '场地调整',
    });
    expect(cancelled).toMatchObject({ phase: 'cancelled', cancelReason: '场地调整', mayVote: false });
    startVoting(cloud, round);
    expect(
      await cloud.call('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) }),
    ).toMatchObject({
      code: 'ROUND_CANCELLED',
    });
    expect((await openRound(cloud, ids(0, 1), { rule: { kind: 'approval', maxChoices: 1 } })).menuCount).toBe(
      2,
    );
  });
});

function roundInput(proposalIds: string[]) {
  const startAt = cloud.clock.now() + HOUR_MS;
  return {
    title: '第一轮百姓点菜',
    proposalIds,
    startAt,
    endAt: startAt + DAY_MS,
    rule: { kind: 'approval' as const, maxChoices: 1 },
    eligibility: 'residents' as const,
    liveResults: false,
  };
}

describe('casting a ballot', () => {
  test('refused before the start and after the end; one ballot, final, with a receipt and a message', async () => {
    const round = await openRound(cloud, ids(0, 1, 2));
    expect(
      await cloud.call('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) }),
    ).toMatchObject({
      code: 'ROUND_NOT_STARTED',
    });
    startVoting(cloud, round);
    expect(await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).toMatchObject({
      phase: 'voting',
      mayVote: true,
      voteBlockedReason: '',
      myBallot: null,
    });
    const receipt = await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(2, 0) });
    expect(receipt).toMatchObject({
      roundTitle: '第一轮百姓点菜',
      channel: 'online',
      channelLabel: '线上',
      totalCost: 4000,
      choices: [{ proposalId: proposals[2].id, title: proposals[2].title }, { proposalId: proposals[0].id }],
    });
    // The same ballot again (a retried tap) answers the same receipt; a different one is refused.
    expect(await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0, 2) })).toEqual(
      receipt,
    );
    expect(
      await cloud.call('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(1) }),
    ).toMatchObject({
      code: 'BALLOT_ALREADY_CAST',
    });
    expect(await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).toMatchObject({
      hasVoted: true,
      mayVote: false,
      voteBlockedReason: expect.stringMatching(/已投过票/),
      myBallot: receipt,
    });
    const messages = (await cloud.ok('wx-v1', 'user', 'listOutbox', {})).items;
    expect(messages).toEqual([
      expect.objectContaining({
        title: '您的选票已记录',
        body: `「第一轮百姓点菜」：${proposals[2].title}、${proposals[0].title}`,
      }),
    ]);

    cloud.clock.set(round.endAt);
    expect(
      await cloud.call('wx-v2', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) }),
    ).toMatchObject({
      code: 'ROUND_ENDED',
    });
    expect(await cloud.count(BALLOTS)).toBe(1);
  });

  test('over the limit, a proposal twice, off the menu, or over the budget: refused with a clear message', async () => {
    const approval = await openRound(cloud, ids(0, 1, 2));
    const budget = await openRound(cloud, ids(3), { rule: { kind: 'budget', budget: 5000 } }).catch(
      () => null,
    );
    expect(budget).toBeNull(); // a one-item menu is refused
    startVoting(cloud, approval);
    const cast = (choices: string[]) =>
      cloud.call('wx-v1', 'votes', 'castBallot', { roundId: approval.id, choices });
    expect(await cast(ids(0, 1, 2))).toMatchObject({ code: 'BALLOT_TOO_MANY', message: '本轮每人最多选2项' });
    expect(await cast(ids(0, 0))).toMatchObject({ code: 'BALLOT_DUPLICATE_CHOICE' });
    expect(await cast(ids(3))).toMatchObject({ code: 'BALLOT_NOT_ON_MENU' });
    expect(await cast([])).toMatchObject({ code: 'BALLOT_EMPTY' });
    expect(await cloud.count(BALLOTS)).toBe(0);
  });

  test('budget rounds: the chosen costs must fit the budget', async () => {
    const round = await openRound(cloud, ids(0, 1, 2, 3), { rule: { kind: 'budget', budget: 5000 } });
    expect(round.ruleText).toMatch(/5000元/);
    startVoting(cloud, round);
    expect(
      await cloud.call('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(1, 3) }),
    ).toMatchObject({ code: 'BALLOT_OVER_BUDGET', message: '所选提议合计6000元，超出本轮预算5000元' });
    expect(
      await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0, 3) }),
    ).toMatchObject({
      totalCost: 5000,
    });
  });

  test('a round for residents with a building recorded refuses the others, and says what to do', async () => {
    await cloud.ok('wx-v2', 'user', 'updateProfile', { nickname: '邻居二', building: '2号楼' });
    const round = await openRound(cloud, ids(0, 1), {
      eligibility: 'with_building',
      rule: { kind: 'approval', maxChoices: 1 },
    });
    startVoting(cloud, round);
    const view = await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id });
    expect(view).toMatchObject({ mayVote: false, voteBlockedReason: expect.stringMatching(/填写楼栋/) });
    expect(
      await cloud.call('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) }),
    ).toMatchObject({
      code: 'BALLOT_NOT_ELIGIBLE',
      message: view.voteBlockedReason,
    });
    expect(
      await cloud.ok('wx-v2', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) }),
    ).toMatchObject({
      channel: 'online',
    });
  });
});

describe('paper ballots', () => {
  test('staff record a paper ballot for a managed resident, tagged 纸质 and audited', async () => {
    const round = await openRound(cloud, ids(0, 1, 2));
    startVoting(cloud, round);
    expect((await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id })).mayRecordPaper).toBe(true);
    expect((await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).mayRecordPaper).toBe(false);
    const receipt = await cloud.ok(STAFF, 'votes', 'recordPaperBallot', {
      roundId: round.id,
      userId: elderId,
      choices: ids(1),
    });
    expect(receipt).toMatchObject({ channel: 'paper', channelLabel: '纸质', recordedByName: '王主任' });
    expect(await cloud.count(AUDIT, { action: 'ballot.paper', onBehalfOf: elderId })).toBe(1);
    expect(await cloud.count(NOTIFICATIONS, { userId: elderId, title: '您的选票已记录' })).toBe(1);
    // Once on paper, never again, on paper or online.
    expect(
      await cloud.call(STAFF, 'votes', 'recordPaperBallot', {
        roundId: round.id,
        userId: elderId,
        choices: ids(0),
      }),
    ).toMatchObject({
      code: 'BALLOT_ALREADY_CAST',
      message: expect.stringMatching(/该居民已在社区现场投过纸质票/),
    });
    // A resident who closed their account gets no ballot on paper either.
    const gone = await cloud.addUser('wx-gone-paper');
    await cloud.ok('wx-gone-paper', 'user', 'closeAccount', { acknowledge: true });
    const refused = await cloud.call(STAFF, 'votes', 'recordPaperBallot', {
      roundId: round.id,
      userId: gone,
      choices: ids(0),
    });
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '居民不存在' });
    expect(await cloud.count(BALLOTS, { userId: gone })).toBe(0);
    expect(
      await cloud.call(STAFF, 'votes', 'recordPaperBallot', {
        roundId: round.id,
        userId: 'nobody',
        choices: ids(0),
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a resident votes online or on paper, never both', async () => {
    const round = await openRound(cloud, ids(0, 1, 2));
    startVoting(cloud, round);
    const v1 = (await cloud.ok('wx-v1', 'user', 'login', {})).user.id;
    const v2 = (await cloud.ok('wx-v2', 'user', 'login', {})).user.id;
    await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) });
    expect(
      await cloud.call(STAFF, 'votes', 'recordPaperBallot', {
        roundId: round.id,
        userId: v1,
        choices: ids(0),
      }),
    ).toMatchObject({ code: 'BALLOT_ALREADY_CAST', message: expect.stringMatching(/线上/) });
    await cloud.ok(STAFF, 'votes', 'recordPaperBallot', { roundId: round.id, userId: v2, choices: ids(1) });
    expect(
      await cloud.call('wx-v2', 'votes', 'castBallot', { roundId: round.id, choices: ids(1) }),
    ).toMatchObject({
      code: 'BALLOT_ALREADY_CAST',
      message: expect.stringMatching(/纸质/),
    });
    expect((await cloud.ok('wx-v2', 'votes', 'round', { roundId: round.id })).myBallot?.channel).toBe(
      'paper',
    );
    expect(
      await cloud.call(STAFF, 'votes', 'recordPaperBallot', {
        roundId: round.id,
        userId: (await cloud.ok(STAFF, 'user', 'login', {})).user.id,
        choices: ids(0),
      }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await cloud.count(BALLOTS)).toBe(2);
  });
});

describe('results, 公示 and objections', () => {
  test('the count publishes votes, winners, turnout online vs paper; participants are told', async () => {
    const round = await openRound(cloud, ids(0, 1, 2), { rule: { kind: 'approval', maxChoices: 1 } });
    startVoting(cloud, round);
    await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(1) });
    await cloud.ok('wx-v2', 'votes', 'castBallot', { roundId: round.id, choices: ids(1) });
    await cloud.ok('wx-v3', 'votes', 'castBallot', { roundId: round.id, choices: ids(2) });
    await cloud.ok(STAFF, 'votes', 'recordPaperBallot', {
      roundId: round.id,
      userId: elderId,
      choices: ids(2),
    });
    // A resident who closed their account is no longer one who may vote.
    await cloud.addUser('wx-gone');
    await cloud.ok('wx-gone', 'user', 'closeAccount', { acknowledge: true });
    // Live results are off: nobody sees counts while voting runs.
    expect(await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).toMatchObject({
      resultsVisible: false,
      results: null,
    });

    cloud.clock.set(round.endAt);
    expect((await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).phase).toBe('counting');
    // The count waits for the grace after the end.
    cloud.clock.set(round.endAt + CLOSE_GRACE_MS - 1);
    await advanceRounds(cloud.deps.db, cloud.clock.now());
    expect((await findRound(cloud.deps.db, round.id))?.closedAt).toBeNull();
    await closeVoting(cloud, round);

    const view = await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id });
    expect(view).toMatchObject({
      phase: 'publicity',
      phaseLabel: '结果公示中',
      publicityEndsAt: round.endAt + CLOSE_GRACE_MS + 3 * DAY_MS,
      resultsVisible: true,
      mayObject: true,
    });
    // 1 and 2 tie on 2 votes; 1 was proposed first (equal supports), so it wins.
    expect(view.results).toMatchObject({
      provisional: false,
      final: false,
      maxVotes: 2,
      winnerIds: [proposals[1].id],
      ballots: 4,
      onlineBallots: 3,
      paperBallots: 1,
      // Staff, supporters, voters and the managed resident: 7 registered residents (not the closed one).
      eligibleCount: 7,
      turnoutPercent: 57.1,
      tieBreakText: expect.stringMatching(/附议/),
    });
    expect(view.results?.items.map((i) => [i.proposalId, i.votes, i.outcome])).toEqual([
      [proposals[1].id, 2, 'won'],
      [proposals[2].id, 2, 'lost'],
      [proposals[0].id, 0, 'lost'],
    ]);
    // Voters (the managed resident too) and the menu's authors, once each.
    const published = await cloud.count(NOTIFICATIONS, { title: '投票结果公示' });
    expect(published).toBe(5);
    await advanceRounds(cloud.deps.db, cloud.clock.now());
    expect(await cloud.count(NOTIFICATIONS, { title: '投票结果公示' })).toBe(published);
    expect((await cloud.ok('wx-n1', 'votes', 'proposal', { proposalId: proposals[1].id })).stage).toBe(
      'selected',
    );
  });

  test('live results show during voting when the round allows it, marked provisional', async () => {
    const round = await openRound(cloud, ids(0, 1, 2), { liveResults: true });
    startVoting(cloud, round);
    await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0, 2) });
    const view = await cloud.ok('wx-v2', 'votes', 'round', { roundId: round.id });
    expect(view.results).toMatchObject({
      provisional: true,
      ballots: 1,
      winnerIds: [proposals[0].id, proposals[2].id],
    });
  });

  test('objections during the 公示 only, one each, answered publicly once; finality waits for the answers', async () => {
    const round = await openRound(cloud, ids(0, 1, 2), { publicityDays: 2 });
    startVoting(cloud, round);
    await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) });
    expect(
      await cloud.call('wx-v1', 'votes', 'fileObjection', { roundId: round.id, text: '计票还没开始吧？' }),
    ).toMatchObject({ code: 'ROUND_NOT_IN_PUBLICITY' });
    await closeVoting(cloud, round);
    const objection = await cloud.ok('wx-v2', 'votes', 'fileObjection', {
      roundId: round.id,
      text: '我家老人投了纸质票，请核实是否计入。',
    });
    expect(objection).toMatchObject({ isMine: true, answer: '', mayAnswer: false });
    expect(
      await cloud.call('wx-v2', 'votes', 'fileObjection', { roundId: round.id, text: '再提一条异议内容。' }),
    ).toMatchObject({ code: 'ROUND_OBJECTION_EXISTS' });
    expect(await cloud.ok('wx-v2', 'votes', 'round', { roundId: round.id })).toMatchObject({
      mayObject: false,
      unansweredObjections: 1,
    });

    // The 公示 ends, but an unanswered objection keeps the results from being final.
    const ends = (await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).publicityEndsAt ?? 0;
    cloud.clock.set(ends);
    expect(
      await cloud.call('wx-v3', 'votes', 'fileObjection', {
        roundId: round.id,
        text: '公示期结束后的异议。',
      }),
    ).toMatchObject({ code: 'ROUND_NOT_IN_PUBLICITY' });
    await endPublicity(cloud, round.id);
    expect((await cloud.ok('wx-v1', 'votes', 'round', { roundId: round.id })).phase).toBe('publicity');

    const staffView = await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id });
    expect(staffView.objections).toMatchObject([{ id: objection.id, mayAnswer: true }]);
    const answered = await cloud.ok(STAFF, 'votes', 'answerObjection', {
      objectionId: objection.id,
      answer: '已核实：纸质选票已计入，计票无误。',
    });
    expect(answered).toMatchObject({ answer: '已核实：纸质选票已计入，计票无误。', mayAnswer: false });
    expect(
      await cloud.call(STAFF, 'votes', 'answerObjection', {
        objectionId: objection.id,
        answer: '再答复一次内容',
      }),
    ).toMatchObject({ code: 'ROUND_OBJECTION_ANSWERED' });
    expect(await cloud.count(NOTIFICATIONS, { title: '您的异议已答复' })).toBe(1);
    // The answer is public.
    expect((await cloud.ok('wx-v3', 'votes', 'round', { roundId: round.id })).objections).toMatchObject([
      { text: objection.text, answer: answered.answer, isMine: false },
    ]);

    cloud.clock.advance(MINUTE_MS);
    await advanceRounds(cloud.deps.db, cloud.clock.now());
    const final = await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id });
    expect(final).toMatchObject({ phase: 'final', phaseLabel: '结果已确定', results: { final: true } });
    expect(final.projectableIds).toEqual([proposals[0].id]);
    // Everyone told of the 公示 is told of the final results, once each.
    const told = await cloud.count(NOTIFICATIONS, { title: '投票结果公示' });
    expect(told).toBeGreaterThan(0);
    expect(await cloud.count(NOTIFICATIONS, { title: '投票结果已确定' })).toBe(told);
    await advanceRounds(cloud.deps.db, cloud.clock.now());
    expect(await cloud.count(NOTIFICATIONS, { title: '投票结果已确定' })).toBe(told);
    expect((await cloud.ok('wx-n1', 'votes', 'proposal', { proposalId: proposals[1].id })).mayPutOnMenu).toBe(
      false,
    );
    expect((await cloud.ok(STAFF, 'votes', 'proposal', { proposalId: proposals[1].id })).mayPutOnMenu).toBe(
      true,
    );
    expect((await cloud.ok(STAFF, 'votes', 'proposal', { proposalId: proposals[0].id })).mayPutOnMenu).toBe(
      false,
    );
  });

  test('telling voters goes a page at a time, and a run cut short goes on where it stopped', async () => {
    const round = await openRound(cloud, ids(0, 1, 2), { rule: { kind: 'approval', maxChoices: 1 } });
    startVoting(cloud, round);
    const voters = Array.from({ length: 230 }, (_, i) => `wx-many${i}`);
    for (const openid of voters) await cloud.addUser(openid);
    await Promise.all(
      voters.map((openid) => cloud.ok(openid, 'votes', 'castBallot', { roundId: round.id, choices: ids(0) })),
    );
    const ballots = (
      await findAll<BallotFields>(cloud.deps.db.collection(BALLOTS).where({ roundId: round.id }), 1000)
    ).sort((a, b) => (a._id < b._id ? -1 : 1));
    const calls = new Map<string, number>();
    const message = (userId: string) => {
      calls.set(userId, (calls.get(userId) ?? 0) + 1);
      return { userId, template: 'resume_test', title: '通知', body: '内容', key: `resume_${userId}` };
    };
    // The run dies after its second page, before it could save how far it got.
    const saved: string[] = [];
    const dying = async (cursor: string) => {
      if (saved.length === 1) throw new Error('function timed out');
      saved.push(cursor);
    };
    await expect(
      tellVoters(cloud.deps.db, round.id, null, message, cloud.clock.now(), dying),
    ).rejects.toThrow('timed out');
    expect(saved).toEqual([ballots[99]._id]);
    await tellVoters(cloud.deps.db, round.id, saved[0], message, cloud.clock.now(), async () => undefined);
    expect(await cloud.count(NOTIFICATIONS, { template: 'resume_test' })).toBe(230);
    // The first page was not gone through again; the second was, without a message twice.
    expect(ballots.slice(0, 100).every((b) => calls.get(b.userId) === 1)).toBe(true);
    expect(ballots.slice(100, 200).every((b) => calls.get(b.userId) === 2)).toBe(true);
    expect(ballots.slice(200).every((b) => calls.get(b.userId) === 1)).toBe(true);
  });

  test('the rounds list leads with the round open for voting', async () => {
    const one = { rule: { kind: 'approval' as const, maxChoices: 1 } };
    const first = await openRound(cloud, ids(0, 1), one);
    const second = await openRound(cloud, ids(2, 3), {
      ...one,
      startAt: cloud.clock.now() + 2 * DAY_MS,
      endAt: cloud.clock.now() + 3 * DAY_MS,
    });
    expect((await cloud.ok('wx-v1', 'votes', 'rounds', {})).current?.id).toBe(first.id);
    startVoting(cloud, first);
    await cloud.ok('wx-v1', 'votes', 'castBallot', { roundId: first.id, choices: ids(0) });
    const listed = await cloud.ok('wx-v1', 'votes', 'rounds', {});
    expect(listed.current).toMatchObject({ id: first.id, phase: 'voting', hasVoted: true, mayVote: false });
    expect(listed.items.map((r) => r.id)).toEqual([second.id, first.id]);
    // The current round is the server's pick whatever page is asked for.
    const page = await cloud.ok('wx-v1', 'votes', 'rounds', { limit: 1 });
    expect(page.items.map((r) => r.id)).toEqual([second.id]);
    expect(page.current?.id).toBe(first.id);
    const rest = await cloud.ok('wx-v1', 'votes', 'rounds', { limit: 1, cursor: page.next ?? undefined });
    expect(rest).toMatchObject({ items: [{ id: first.id, hasVoted: true }], next: null });
  });
});
