/**
 * The "once" rules and the count under concurrency. Each test fires its requests at once, so a
 * design that read first and inserted later (a query for "has this resident voted?" followed by an
 * add with a fresh id) would store duplicates as soon as transactions interleave under snapshot
 * isolation; the deterministic ids make the second write of the same document conflict instead.
 * Counts are always checked against the stored documents, not against the replies.
 */
import type { ProposalView, RoundView } from '../../core/contract';
import { CLOSE_GRACE_MS } from '../../core/domain/voting';
import { findAll } from '../../cloudfunctions/runtime/db';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { advanceRounds } from '../../cloudfunctions/votes/jobs';
import {
  BALLOTS,
  OBJECTIONS,
  SUPPORTS,
  findProposal,
  findRound,
  type BallotFields,
} from '../../cloudfunctions/votes/store';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import {
  STAFF,
  acceptedProposal,
  closeVoting,
  openRound,
  readyProposals,
  startVoting,
} from '../support/votes';

let cloud: TestCloud;
let proposals: ProposalView[];
const SUPPORTERS = ['wx-s1', 'wx-s2'];

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  for (const openid of SUPPORTERS) await cloud.addUser(openid);
  // Costs 1000…5000.
  proposals = await readyProposals(cloud, 5, SUPPORTERS, (i) => ({ estimatedCost: (i + 1) * 1000 }));
});
afterEach(() => cloud.close());

const ids = (...indexes: number[]) => indexes.map((i) => proposals[i].id);
const failures = (results: { ok: boolean; code?: string }[]) =>
  results.filter((r) => !r.ok).map((r) => (r as { code: string }).code);

async function storedBallots(roundId: string) {
  return findAll<BallotFields>(cloud.deps.db.collection(BALLOTS).where({ roundId }), 100_000);
}

async function votingRound(overrides: Parameters<typeof openRound>[2] = {}): Promise<RoundView> {
  const round = await openRound(cloud, ids(0, 1, 2, 3, 4), {
    rule: { kind: 'approval', maxChoices: 3 },
    ...overrides,
  });
  startVoting(cloud, round);
  return round;
}

test('50 concurrent ballots from one resident: exactly one is stored, and it is the one answered', async () => {
  const round = await votingRound();
  await cloud.addUser('wx-voter');
  const attempts = Array.from({ length: 50 }, (_, i) =>
    cloud.call('wx-voter', 'votes', 'castBallot', { roundId: round.id, choices: ids(i % 5) }),
  );
  const results = await Promise.all(attempts);
  const accepted = results.filter((r) => r.ok);
  expect(accepted).toHaveLength(results.length - failures(results).length);
  expect(new Set(failures(results))).toEqual(new Set(['BALLOT_ALREADY_CAST']));
  const stored = await storedBallots(round.id);
  expect(stored).toHaveLength(1);
  // Every accepted reply is the stored ballot (identical retries answer its receipt).
  for (const r of accepted) {
    expect(r.ok && r.data.choices.map((c) => c.proposalId)).toEqual(stored[0].choices);
  }
  expect(await cloud.count(NOTIFICATIONS, { title: '您的选票已记录' })).toBe(1);
}, 30_000);

test('online and paper for the same resident at once: one ballot counted', async () => {
  const round = await votingRound();
  const voterId = await cloud.addUser('wx-desk');
  const online = Array.from({ length: 20 }, () =>
    cloud.call('wx-desk', 'votes', 'castBallot', { roundId: round.id, choices: ids(0) }),
  );
  const paper = Array.from({ length: 20 }, () =>
    cloud.call(STAFF, 'votes', 'recordPaperBallot', { roundId: round.id, userId: voterId, choices: ids(1) }),
  );
  const results = await Promise.all([...online, ...paper]);
  const stored = await storedBallots(round.id);
  expect(stored).toHaveLength(1);
  const channels = new Set(results.filter((r) => r.ok).map((r) => r.ok && r.data.channel));
  expect(channels).toEqual(new Set([stored[0].channel]));
  expect(new Set(failures(results))).toEqual(new Set(['BALLOT_ALREADY_CAST']));

  await closeVoting(cloud, round);
  const view = await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id });
  expect(view.results?.ballots).toBe(1);
  expect(view.results?.items.reduce((sum, i) => sum + i.votes, 0)).toBe(1);
}, 30_000);

test('500 residents voting at once: the published tallies equal the stored choices per proposal', async () => {
  const round = await votingRound({ liveResults: true });
  const voters = Array.from({ length: 500 }, (_, i) => `wx-r${i}`);
  for (const openid of voters) await cloud.addUser(openid);
  // Resident i picks one to three proposals, spread unevenly so the tallies differ.
  const intended = voters.map((_, i) =>
    [...new Set([i % 5, (i * 3) % 5, i % 7 < 2 ? 4 : i % 5])].slice(0, 3),
  );
  const results = await Promise.all(
    voters.map((openid, i) =>
      cloud.call(openid, 'votes', 'castBallot', {
        roundId: round.id,
        choices: intended[i].map((k) => proposals[k].id),
      }),
    ),
  );
  expect(failures(results)).toEqual([]);

  // Two runs of the job at once: one count, published once.
  cloud.clock.set(round.endAt + CLOSE_GRACE_MS);
  await Promise.all([
    advanceRounds(cloud.deps.db, cloud.clock.now()),
    advanceRounds(cloud.deps.db, cloud.clock.now()),
  ]);

  const stored = await storedBallots(round.id);
  expect(stored).toHaveLength(500);
  const recount = new Map<string, number>();
  for (const b of stored) for (const id of b.choices) recount.set(id, (recount.get(id) ?? 0) + 1);
  const expected = new Map<string, number>();
  for (const picks of intended)
    for (const k of picks) expected.set(proposals[k].id, (expected.get(proposals[k].id) ?? 0) + 1);
  expect(recount).toEqual(expected);

  const view = await cloud.ok('wx-r0', 'votes', 'round', { roundId: round.id });
  const published = new Map(view.results?.items.map((i) => [i.proposalId as string, i.votes]));
  expect(published).toEqual(new Map(proposals.map((p) => [p.id as string, expected.get(p.id) ?? 0])));
  expect(view.results).toMatchObject({
    provisional: false,
    ballots: 500,
    onlineBallots: 500,
    paperBallots: 0,
    eligibleCount: 503,
    turnoutPercent: 99.4,
  });
  // The round document was never written by a ballot: only by staff and the count.
  expect((await findRound(cloud.deps.db, round.id))?.updatedAt).toBe(round.endAt + CLOSE_GRACE_MS);
  expect(await cloud.count(NOTIFICATIONS, { title: '投票结果公示' })).toBe(501);
}, 120_000);

test('limits, budget, deadline, eligibility and duplicate choices hold when everyone votes at once', async () => {
  const round = await votingRound({ eligibility: 'with_building', rule: { kind: 'budget', budget: 6000 } });
  const cases: { openid: string; choices: string[]; building: string; expect: string }[] = [];
  const add = (count: number, kind: string, choices: string[], building = '1号楼') => {
    for (let i = 0; i < count; i += 1)
      cases.push({ openid: `wx-${kind}-${i}`, choices, building, expect: kind });
  };
  add(20, 'ok', ids(0, 4)); // 1000 + 5000 = 6000: exactly the budget
  add(10, 'BALLOT_OVER_BUDGET', ids(1, 4));
  add(10, 'BALLOT_DUPLICATE_CHOICE', ids(2, 2));
  add(10, 'BALLOT_NOT_ON_MENU', ['p-not-on-menu']);
  add(10, 'BALLOT_NOT_ELIGIBLE', ids(0), '');
  add(10, 'ROUND_ENDED', ids(0));
  for (const c of cases) {
    const id = await cloud.addUser(c.openid);
    if (c.building)
      await cloud.ok(c.openid, 'user', 'updateProfile', { nickname: '邻居', building: c.building });
    expect(id).toBe(userIdForOpenid(c.openid));
  }
  // The late ones are sent after the clock passes the end; all requests are in flight together.
  const early = cases.filter((c) => c.expect !== 'ROUND_ENDED');
  const late = cases.filter((c) => c.expect === 'ROUND_ENDED');
  const send = (c: (typeof cases)[number]) =>
    cloud.call(c.openid, 'votes', 'castBallot', { roundId: round.id, choices: c.choices });
  const inFlight = early.map(send);
  cloud.clock.set(round.endAt);
  inFlight.push(...late.map(send));
  const results = await Promise.all(inFlight);

  const byCase = [...early, ...late].map((c, i) => [
    c.expect,
    results[i].ok ? 'ok' : failures([results[i]])[0],
  ]);
  for (const [expected, got] of byCase) expect(got).toBe(expected);
  const stored = await storedBallots(round.id);
  expect(stored).toHaveLength(20);
  for (const b of stored) expect(b.totalCost).toBeLessThanOrEqual(6000);
}, 60_000);

test('an approval round holds its limit of choices when everyone votes at once, each voter twice', async () => {
  const round = await votingRound({ rule: { kind: 'approval', maxChoices: 2 } });
  const cases = [
    ...Array.from({ length: 20 }, (_, i) => ({ openid: `wx-two-${i}`, choices: ids(0, 3), expect: 'ok' })),
    ...Array.from({ length: 10 }, (_, i) => ({ openid: `wx-one-${i}`, choices: ids(2), expect: 'ok' })),
    ...Array.from({ length: 10 }, (_, i) => ({
      openid: `wx-three-${i}`,
      choices: ids(0, 1, 2),
      expect: 'BALLOT_TOO_MANY',
    })),
  ];
  for (const c of cases) await cloud.addUser(c.openid);
  const send = (c: (typeof cases)[number]) =>
    cloud.call(c.openid, 'votes', 'castBallot', { roundId: round.id, choices: c.choices });
  // Each voter's ballot is sent twice at once, as a retried request: one ballot, one receipt.
  const results = await Promise.all(cases.flatMap((c) => [send(c), send(c)]));

  cases.forEach((c, i) => {
    const [first, retry] = [results[2 * i], results[2 * i + 1]];
    if (c.expect === 'ok') {
      expect(first.ok && retry.ok).toBe(true);
      expect(retry).toEqual(first);
    } else {
      expect(failures([first, retry])).toEqual([c.expect, c.expect]);
    }
  });
  const stored = await storedBallots(round.id);
  expect(stored).toHaveLength(30);
  for (const b of stored) expect(b.choices.length).toBeLessThanOrEqual(2);
}, 60_000);

test('support once per resident under concurrency, and none lost while a merge runs', async () => {
  const survivor = await acceptedProposal(cloud, 'wx-s1');
  const duplicate = await acceptedProposal(cloud, 'wx-s2');
  const residents = Array.from({ length: 40 }, (_, i) => `wx-m${i}`);
  for (const openid of residents) await cloud.addUser(openid);

  const repeated = await Promise.all(
    Array.from({ length: 30 }, () => cloud.call('wx-m0', 'votes', 'support', { proposalId: survivor.id })),
  );
  expect(repeated.filter((r) => r.ok)).toHaveLength(1);
  expect(new Set(failures(repeated))).toEqual(new Set(['PROPOSAL_ALREADY_SUPPORTED']));
  expect(await cloud.count(SUPPORTS, { proposalId: survivor.id, userId: userIdForOpenid('wx-m0') })).toBe(1);

  // Half support the survivor and half the duplicate while staff merge the duplicate into it.
  const supports = residents
    .slice(1)
    .map((openid, i) =>
      cloud.call(openid, 'votes', 'support', { proposalId: i % 2 ? duplicate.id : survivor.id }),
    );
  const merge = cloud.ok(STAFF, 'votes', 'mergeProposal', { proposalId: duplicate.id, intoId: survivor.id });
  const results = await Promise.all(supports);
  await merge;
  const accepted = results.filter((r) => r.ok).length;
  const refused = failures(results);
  // A support of the duplicate that arrives after the merge is refused; every accepted one counts.
  expect(new Set(refused)).toEqual(new Set(refused.length ? ['PROPOSAL_MERGED'] : []));
  const stored = await cloud.count(SUPPORTS, {
    proposalId: cloud.deps.db.command.in([survivor.id, duplicate.id]),
  });
  expect(stored).toBe(accepted + 1);
  const view = await cloud.ok('wx-m1', 'votes', 'proposal', { proposalId: survivor.id });
  expect(view.supportCount).toBe(stored);
}, 60_000);

test('two rounds opened at once cannot share a proposal', async () => {
  const one = { rule: { kind: 'approval' as const, maxChoices: 1 } };
  const [a, b] = await Promise.all([
    cloud.call(STAFF, 'votes', 'saveRound', roundInput(ids(0, 1), one)),
    cloud.call(STAFF, 'votes', 'saveRound', roundInput(ids(1, 2), one)),
  ]);
  expect([a.ok, b.ok].sort()).toEqual([false, true]);
  const opened = (a.ok ? a : b) as { ok: true; data: RoundView };
  expect(failures([a, b])).toEqual(['PROPOSAL_ON_ROUND']);
  expect((await findProposal(cloud.deps.db, proposals[1].id))?.roundId).toBe(opened.data.id);
  expect(await cloud.count('rounds')).toBe(1);
});

test('one objection per resident even when sent many times at once', async () => {
  const round = await votingRound();
  await cloud.addUser('wx-objector');
  await closeVoting(cloud, round);
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      cloud.call('wx-objector', 'votes', 'fileObjection', {
        roundId: round.id,
        text: '请公开纸质选票的核对过程。',
      }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(new Set(failures(results))).toEqual(new Set(['ROUND_OBJECTION_EXISTS']));
  expect(await cloud.count(OBJECTIONS)).toBe(1);
});

function roundInput(proposalIds: string[], overrides: object) {
  const startAt = cloud.clock.now() + 3_600_000;
  return {
    title: '并发开启的投票',
    proposalIds,
    startAt,
    endAt: startAt + 86_400_000,
    rule: { kind: 'approval' as const, maxChoices: 1 },
    eligibility: 'residents' as const,
    liveResults: false,
    ...overrides,
  };
}
