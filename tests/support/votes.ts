/** Fixtures for 百姓点菜 tests: accepted proposals with supports, rounds, and moving a round along. */
import type { InputOf, ProposalView, RoundView } from '../../core/contract';
import { CLOSE_GRACE_MS } from '../../core/domain/voting';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { advanceRounds } from '../../cloudfunctions/votes/jobs';
import type { TestCloud } from './test-cloud';

export const STAFF = 'wx-staff';

let serial = 0;

/** A proposal by `author`, accepted by staff into the 需求清单. */
export async function acceptedProposal(
  cloud: TestCloud,
  author: string,
  overrides: Partial<InputOf<'votes', 'propose'>> = {},
): Promise<ProposalView> {
  serial += 1;
  const proposed = await cloud.ok(author, 'votes', 'propose', {
    requestId: `fixture-proposal-${serial}`,
    title: `提议第${serial}号`,
    description: '小区里需要做一件对大家都有好处的事情。',
    category: 'environment',
    estimatedCost: 1000 * serial,
    ...overrides,
  });
  return cloud.ok(STAFF, 'votes', 'screenProposal', { proposalId: proposed.id, accept: true });
}

export async function supportBy(cloud: TestCloud, proposalId: string, openids: readonly string[]) {
  for (const openid of openids) await cloud.ok(openid, 'votes', 'support', { proposalId });
}

/** A threshold of `threshold` supports, and `count` accepted proposals that reached it. */
export async function readyProposals(
  cloud: TestCloud,
  count: number,
  supporters: readonly string[],
  overrides: (i: number) => Partial<InputOf<'votes', 'propose'>> = () => ({}),
): Promise<ProposalView[]> {
  await cloud.ok(STAFF, 'votes', 'saveVotingSettings', {
    supportThreshold: supporters.length,
    publicityDays: 3,
  });
  const proposals: ProposalView[] = [];
  for (let i = 0; i < count; i += 1) {
    // One a minute, so "the earlier proposal" breaks ties in a known order.
    if (i > 0) cloud.clock.advance(MINUTE_MS);
    const p = await acceptedProposal(cloud, supporters[0], overrides(i));
    await supportBy(cloud, p.id, supporters);
    proposals.push(p);
  }
  return proposals;
}

/** A round starting in an hour and ending a day later (approval, 2 choices, unless overridden). */
export function openRound(
  cloud: TestCloud,
  proposalIds: readonly string[],
  overrides: Partial<InputOf<'votes', 'saveRound'>> = {},
): Promise<RoundView> {
  const startAt = cloud.clock.now() + HOUR_MS;
  return cloud.ok(STAFF, 'votes', 'saveRound', {
    title: '第一轮百姓点菜',
    proposalIds: [...proposalIds],
    startAt,
    endAt: startAt + DAY_MS,
    rule: { kind: 'approval', maxChoices: 2 },
    eligibility: 'residents',
    liveResults: false,
    ...overrides,
  });
}

/** Moves the clock to the round's start. */
export function startVoting(cloud: TestCloud, round: Pick<RoundView, 'startAt'>) {
  cloud.clock.set(round.startAt);
}

/** Moves the clock past the end and its grace, and runs the job that counts and publishes. */
export async function closeVoting(cloud: TestCloud, round: Pick<RoundView, 'endAt'>) {
  cloud.clock.set(round.endAt + CLOSE_GRACE_MS);
  return advanceRounds(cloud.deps.db, cloud.clock.now());
}

/** Moves the clock past the 公示 and its grace, and runs the job that finalizes. */
export async function endPublicity(cloud: TestCloud, roundId: string) {
  const round = await cloud.ok(STAFF, 'votes', 'round', { roundId });
  cloud.clock.set((round.publicityEndsAt ?? 0) + CLOSE_GRACE_MS);
  return advanceRounds(cloud.deps.db, cloud.clock.now());
}
