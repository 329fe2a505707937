import fc from 'fast-check';
import {
  CLOSE_GRACE_MS,
  FREEZE_BEFORE_START_MS,
  TIE_BREAK_TEXT,
  assertEditable,
  assertMayVote,
  assertMenuFits,
  checkBallot,
  describeRule,
  isEligible,
  isMenuReady,
  menuProblem,
  mergeProblem,
  pickCurrentRound,
  proposalStage,
  roundPhase,
  selectWinners,
  supportProblem,
  turnoutPercent,
  voteProblem,
  type MenuEntry,
  type ProposalStanding,
  type RoundPhase,
  type RoundTimes,
  type VotingRule,
} from '../../core/domain/voting';
import { HOUR_MS } from '../../core/time';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'none';
};

const entry = (proposalId: string, overrides: Partial<MenuEntry> = {}): MenuEntry => ({
  proposalId,
  estimatedCost: 1000,
  supportCount: 0,
  proposedAt: 0,
  ...overrides,
});

describe('support threshold and proposal stages', () => {
  const standing = (overrides: Partial<ProposalStanding> = {}): ProposalStanding => ({
    status: 'accepted',
    supportCount: 0,
    threshold: 10,
    round: null,
    hasProject: false,
    ...overrides,
  });

  test('a proposal reaching the threshold is 可上菜单', () => {
    expect(isMenuReady(9, 10)).toBe(false);
    expect(isMenuReady(10, 10)).toBe(true);
    expect(proposalStage(standing({ supportCount: 9 }))).toBe('collecting');
    expect(proposalStage(standing({ supportCount: 10 }))).toBe('menu_ready');
  });

  test('screening states, the round that holds it, and a project', () => {
    expect(proposalStage(standing({ status: 'pending' }))).toBe('pending');
    expect(proposalStage(standing({ status: 'declined' }))).toBe('declined');
    expect(proposalStage(standing({ status: 'merged' }))).toBe('merged');
    for (const phase of ['upcoming', 'voting', 'counting'] as const) {
      expect(proposalStage(standing({ round: { phase, won: false } }))).toBe('on_ballot');
    }
    expect(proposalStage(standing({ round: { phase: 'publicity', won: true } }))).toBe('selected');
    expect(proposalStage(standing({ round: { phase: 'final', won: false } }))).toBe('not_selected');
    expect(proposalStage(standing({ supportCount: 12, round: { phase: 'cancelled', won: false } }))).toBe(
      'menu_ready',
    );
    expect(proposalStage(standing({ hasProject: true, round: { phase: 'final', won: true } }))).toBe(
      'in_project',
    );
  });

  test('only accepted, visible proposals may be supported', () => {
    expect(supportProblem({ status: 'accepted', hidden: false })).toBeNull();
    expect(supportProblem({ status: 'pending', hidden: false })).toBe('PROPOSAL_NOT_ACCEPTED');
    expect(supportProblem({ status: 'declined', hidden: false })).toBe('PROPOSAL_NOT_ACCEPTED');
    expect(supportProblem({ status: 'merged', hidden: false })).toBe('PROPOSAL_MERGED');
    expect(supportProblem({ status: 'accepted', hidden: true })).toBe('PROPOSAL_HIDDEN');
  });

  test('a menu takes ready proposals no other round holds; a final round releases its losers', () => {
    const ready = { ...standing({ supportCount: 10 }), hidden: false };
    expect(menuProblem(ready)).toBeNull();
    expect(menuProblem({ ...ready, supportCount: 3 })).toBe('PROPOSAL_NOT_READY');
    expect(menuProblem({ ...ready, hidden: true })).toBe('PROPOSAL_UNAVAILABLE');
    expect(menuProblem({ ...ready, status: 'pending' })).toBe('PROPOSAL_UNAVAILABLE');
    expect(menuProblem({ ...ready, round: { phase: 'voting', won: false } })).toBe('PROPOSAL_ON_ROUND');
    expect(menuProblem({ ...ready, round: { phase: 'publicity', won: false } })).toBe('PROPOSAL_ON_ROUND');
    expect(menuProblem({ ...ready, round: { phase: 'final', won: true } })).toBe('PROPOSAL_ON_ROUND');
    expect(menuProblem({ ...ready, round: { phase: 'final', won: false } })).toBeNull();
    expect(menuProblem({ ...ready, round: { phase: 'cancelled', won: false } })).toBeNull();
  });

  test('duplicates merge while pending or listed, never off a running menu', () => {
    expect(mergeProblem(standing({ status: 'pending' }))).toBeNull();
    expect(mergeProblem(standing())).toBeNull();
    expect(mergeProblem(standing({ status: 'declined' }))).toBe('PROPOSAL_DECIDED');
    expect(mergeProblem(standing({ round: { phase: 'voting', won: false } }))).toBe('PROPOSAL_ON_ROUND');
    expect(mergeProblem(standing({ hasProject: true }))).toBe('PROPOSAL_ON_ROUND');
  });
});

describe('rounds', () => {
  const round = (overrides: Partial<RoundTimes> = {}): RoundTimes => ({
    status: 'open',
    startAt: 10 * HOUR_MS,
    endAt: 20 * HOUR_MS,
    closedAt: null,
    finalizedAt: null,
    ...overrides,
  });

  test('the phase follows the times, then the count and finality', () => {
    expect(roundPhase(round(), 10 * HOUR_MS - 1)).toBe('upcoming');
    expect(roundPhase(round(), 10 * HOUR_MS)).toBe('voting');
    expect(roundPhase(round(), 20 * HOUR_MS - 1)).toBe('voting');
    expect(roundPhase(round(), 20 * HOUR_MS)).toBe('counting');
    expect(roundPhase(round({ closedAt: 21 * HOUR_MS }), 22 * HOUR_MS)).toBe('publicity');
    expect(roundPhase(round({ closedAt: 1, finalizedAt: 2 }), 0)).toBe('final');
    expect(roundPhase(round({ status: 'cancelled' }), 15 * HOUR_MS)).toBe('cancelled');
  });

  test('rule, menu and budget freeze shortly before the start', () => {
    const start = 10 * HOUR_MS;
    expect(code(() => assertEditable(round(), start - FREEZE_BEFORE_START_MS - 1))).toBe('none');
    expect(code(() => assertEditable(round(), start - FREEZE_BEFORE_START_MS))).toBe('ROUND_FROZEN');
    expect(code(() => assertEditable(round(), start + 1))).toBe('ROUND_FROZEN');
    expect(code(() => assertEditable(round({ status: 'cancelled' }), 0))).toBe('ROUND_CANCELLED');
    expect(CLOSE_GRACE_MS).toBeGreaterThan(10_000);
  });

  test('a menu needs two proposals; approval picks fewer than all; budget needs every cost', () => {
    const two = [{ estimatedCost: 100 }, { estimatedCost: null }];
    expect(code(() => assertMenuFits({ kind: 'approval', maxChoices: 1 }, [two[0]]))).toBe(
      'ROUND_MENU_TOO_SMALL',
    );
    expect(code(() => assertMenuFits({ kind: 'approval', maxChoices: 1 }, two))).toBe('none');
    expect(code(() => assertMenuFits({ kind: 'approval', maxChoices: 2 }, two))).toBe('ROUND_RULE_INVALID');
    expect(code(() => assertMenuFits({ kind: 'budget', budget: 500 }, two))).toBe('ROUND_COST_MISSING');
  });

  test('eligibility: registered residents, optionally only those with a building', () => {
    expect(isEligible('residents', { roles: ['resident'], building: '' })).toBe(true);
    expect(isEligible('with_building', { roles: ['resident'], building: ' ' })).toBe(false);
    expect(isEligible('with_building', { roles: ['resident'], building: '1号楼' })).toBe(true);
    expect(isEligible('residents', { roles: [], building: '1号楼' })).toBe(false);
  });

  test('who may vote now: one rule for the page and the handler', () => {
    const ok = { phase: 'voting' as const, eligible: true, hasBallot: false };
    expect(voteProblem(ok)).toBeNull();
    expect(voteProblem({ ...ok, hasBallot: true })).toBe('BALLOT_ALREADY_CAST');
    expect(voteProblem({ ...ok, phase: 'upcoming' })).toBe('ROUND_NOT_STARTED');
    expect(voteProblem({ ...ok, phase: 'counting' })).toBe('ROUND_ENDED');
    expect(voteProblem({ ...ok, phase: 'final' })).toBe('ROUND_ENDED');
    expect(voteProblem({ ...ok, phase: 'cancelled' })).toBe('ROUND_CANCELLED');
    expect(voteProblem({ ...ok, eligible: false })).toBe('BALLOT_NOT_ELIGIBLE');
    expect(() => assertMayVote({ ...ok, eligible: false }, 'with_building')).toThrow(/楼栋/);
  });

  test('the home leads with the voting round, else the next, else the latest counted', () => {
    const r = (id: string, phase: RoundPhase, startAt: number, endAt: number) => ({
      id,
      phase,
      startAt,
      endAt,
    });
    expect(
      pickCurrentRound([r('a', 'final', 0, 1), r('b', 'voting', 0, 9), r('c', 'voting', 0, 5)])?.id,
    ).toBe('c');
    expect(
      pickCurrentRound([r('a', 'upcoming', 8, 9), r('b', 'upcoming', 4, 9), r('c', 'publicity', 0, 1)])?.id,
    ).toBe('b');
    expect(pickCurrentRound([r('a', 'counting', 0, 1), r('b', 'publicity', 0, 3)])?.id).toBe('b');
    expect(pickCurrentRound([r('a', 'final', 0, 1), r('b', 'cancelled', 0, 3)])).toBeNull();
  });
});

describe('ballots', () => {
  const menu = [entry('a', { estimatedCost: 3000 }), entry('b', { estimatedCost: 5000 }), entry('c')];

  test('approval: at most N choices, each on the menu once', () => {
    const rule: VotingRule = { kind: 'approval', maxChoices: 2 };
    expect(checkBallot(rule, menu, ['a', 'c'])).toBe(4000);
    expect(code(() => checkBallot(rule, menu, []))).toBe('BALLOT_EMPTY');
    expect(code(() => checkBallot(rule, menu, ['a', 'b', 'c']))).toBe('BALLOT_TOO_MANY');
    expect(code(() => checkBallot(rule, menu, ['a', 'a']))).toBe('BALLOT_DUPLICATE_CHOICE');
    expect(code(() => checkBallot(rule, menu, ['a', 'x']))).toBe('BALLOT_NOT_ON_MENU');
  });

  test('budget: the chosen costs fit the budget, any number of choices', () => {
    const rule: VotingRule = { kind: 'budget', budget: 8000 };
    expect(checkBallot(rule, menu, ['a', 'b'])).toBe(8000);
    expect(code(() => checkBallot(rule, menu, ['a', 'b', 'c']))).toBe('BALLOT_OVER_BUDGET');
    expect(() => checkBallot(rule, menu, ['a', 'b', 'c'])).toThrow('所选提议合计9000元，超出本轮预算8000元');
  });
});

describe('winner selection', () => {
  const outcomes = (ranked: ReturnType<typeof selectWinners>) =>
    ranked.map((r) => `${r.proposalId}:${r.outcome}`).join(' ');

  test('approval: the top N by votes; a proposal without votes never wins', () => {
    const menu = [entry('a'), entry('b'), entry('c'), entry('d')];
    expect(outcomes(selectWinners({ kind: 'approval', maxChoices: 2 }, menu, { a: 3, b: 7, c: 5 }))).toBe(
      'b:won c:won a:lost d:lost',
    );
    expect(outcomes(selectWinners({ kind: 'approval', maxChoices: 3 }, menu, { a: 1 }))).toBe(
      'a:won b:lost c:lost d:lost',
    );
  });

  test('ties: more supports first, then the earlier proposal, then the id', () => {
    const menu = [
      entry('late', { supportCount: 5, proposedAt: 20 }),
      entry('early', { supportCount: 5, proposedAt: 10 }),
      entry('popular', { supportCount: 9, proposedAt: 30 }),
      entry('b-same', { supportCount: 1, proposedAt: 1 }),
      entry('a-same', { supportCount: 1, proposedAt: 1 }),
    ];
    const votes = { late: 4, early: 4, popular: 4, 'a-same': 4, 'b-same': 4 };
    const ranked = selectWinners({ kind: 'approval', maxChoices: 2 }, menu, votes);
    expect(ranked.map((r) => r.proposalId)).toEqual(['popular', 'early', 'late', 'a-same', 'b-same']);
    expect(outcomes(ranked)).toBe('popular:won early:won late:lost a-same:lost b-same:lost');
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(TIE_BREAK_TEXT).toMatch(/附议/);
  });

  test('budget: by votes, adding each that still fits and skipping one that does not', () => {
    const menu = [
      entry('bench', { estimatedCost: 12000 }),
      entry('canteen', { estimatedCost: 30000 }),
      entry('court', { estimatedCost: 5000 }),
      entry('lights', { estimatedCost: 4000 }),
    ];
    const ranked = selectWinners({ kind: 'budget', budget: 20000 }, menu, {
      bench: 50,
      canteen: 40,
      court: 30,
      lights: 20,
    });
    // 12000 + 5000 leaves 3000: the lights (4000) no longer fit either.
    expect(outcomes(ranked)).toBe('bench:won canteen:not_fit court:won lights:not_fit');
  });

  test('budget: a smaller proposal later in the order still fits what is left', () => {
    const menu = [
      entry('big', { estimatedCost: 9000 }),
      entry('huge', { estimatedCost: 5000 }),
      entry('small', { estimatedCost: 1000 }),
    ];
    expect(
      outcomes(selectWinners({ kind: 'budget', budget: 10000 }, menu, { big: 3, huge: 2, small: 1 })),
    ).toBe('big:won huge:not_fit small:won');
  });

  test('property: budget winners never exceed the budget, and every skipped one did not fit', () => {
    const arbitraryRound = fc.record({
      budget: fc.integer({ min: 1, max: 100_000 }),
      entries: fc.array(
        fc.record({
          cost: fc.integer({ min: 1, max: 60_000 }),
          votes: fc.nat(50),
          supports: fc.nat(20),
          proposedAt: fc.nat(1000),
        }),
        { minLength: 1, maxLength: 25 },
      ),
    });
    fc.assert(
      fc.property(arbitraryRound, ({ budget, entries }) => {
        const menu = entries.map((e, i) =>
          entry(`p${i}`, { estimatedCost: e.cost, supportCount: e.supports, proposedAt: e.proposedAt }),
        );
        const votes = Object.fromEntries(entries.map((e, i) => [`p${i}`, e.votes]));
        const ranked = selectWinners({ kind: 'budget', budget }, menu, votes);
        const cost = (id: string) => menu.find((m) => m.proposalId === id)?.estimatedCost ?? 0;
        let used = 0;
        for (const r of ranked) {
          if (r.outcome === 'won') used += cost(r.proposalId);
          if (r.outcome === 'not_fit') expect(cost(r.proposalId)).toBeGreaterThan(budget - used);
          if (r.votes === 0) expect(r.outcome).toBe('lost');
          if (r.votes > 0) expect(r.outcome).not.toBe('lost');
        }
        expect(used).toBeLessThanOrEqual(budget);
        // Ranked by votes, never increasing.
        for (let i = 1; i < ranked.length; i += 1)
          expect(ranked[i].votes).toBeLessThanOrEqual(ranked[i - 1].votes);
      }),
    );
  });

  test('property: a ballot the budget rule accepts never costs more than the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 2, maxLength: 10 }),
        fc.array(fc.nat(9), { maxLength: 10 }),
        (budget, costs, picks) => {
          const menu = costs.map((c, i) => entry(`p${i}`, { estimatedCost: c }));
          const choices = picks.map((i) => `p${i}`);
          let total: number | null = null;
          try {
            total = checkBallot({ kind: 'budget', budget }, menu, choices);
          } catch {
            return;
          }
          expect(total).toBeLessThanOrEqual(budget);
          expect(new Set(choices).size).toBe(choices.length);
        },
      ),
    );
  });

  test('turnout and the rule in words', () => {
    expect(turnoutPercent(1, 3)).toBe(33.3);
    expect(turnoutPercent(0, 0)).toBe(0);
    expect(describeRule({ kind: 'approval', maxChoices: 3 })).toMatch(/最多选3项/);
    expect(describeRule({ kind: 'budget', budget: 50000 })).toMatch(/5万元/);
  });
});
