/**
 * 百姓点菜: residents propose needs, support them, and vote on a menu of them in rounds.
 * These are the rules — a round's phase, who may vote, what a valid ballot is, and how the
 * winners are chosen — as pure functions the handlers run inside their transactions and the
 * views use to compute the flags pages read.
 */
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../errors';
import { MINUTE_MS, type EpochMs } from '../time';
import type { Role } from './roles';

export const PROPOSAL_CATEGORIES = [
  'environment',
  'elderly',
  'children',
  'culture',
  'safety',
  'other',
] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];
export const PROPOSAL_CATEGORY_LABELS: Record<ProposalCategory, string> = {
  environment: '环境',
  elderly: '养老',
  children: '儿童',
  culture: '文体',
  safety: '安全',
  other: '其他',
};

/** A proposal is screened once: into the 需求清单, merged into another, or declined with a reason. */
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'merged', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: '待初审',
  accepted: '已进入需求清单',
  merged: '已合并',
  declined: '不予采纳',
};

/** Community defaults, changed by staff in the voting settings. */
export const DEFAULT_SUPPORT_THRESHOLD = 10;
export const DEFAULT_PUBLICITY_DAYS = 3;

/**
 * A round's rule, menu and budget are frozen from this long before its start. Edits are decided
 * on the request's time while ballots are checked against the round they read, so without a margin
 * an edit decided just before the start could commit after the first ballots were checked against
 * the old rule (CloudBase transactions live at most ~10 s, and so does a function: 10 s, see README).
 */
export const FREEZE_BEFORE_START_MS = MINUTE_MS;
/**
 * Rounds are counted this long after their end, so a ballot whose request arrived before the end
 * has committed before the count reads the ballots (the count does not write anything a ballot
 * reads, so only time can order them). The same margin separates the end of the 公示 from finality.
 */
export const CLOSE_GRACE_MS = 2 * MINUTE_MS;

// ---------------------------------------------------------------------------------------------
// Proposals and supports

/** A proposal reaching the community's support threshold may go on a voting menu (可上菜单). */
export function isMenuReady(supportCount: number, threshold: number): boolean {
  return supportCount >= threshold;
}

/** Residents support (附议) proposals that are in the 需求清单 and visible. */
export function supportProblem(proposal: { status: ProposalStatus; hidden: boolean }): ErrorCode | null {
  if (proposal.hidden) return 'PROPOSAL_HIDDEN';
  if (proposal.status === 'merged') return 'PROPOSAL_MERGED';
  if (proposal.status !== 'accepted') return 'PROPOSAL_NOT_ACCEPTED';
  return null;
}

/**
 * Where a proposal stands, as the 需求清单 shows it. `round` is the last round whose menu held it
 * (ignored once cancelled): on it while that round runs; 拟入选/未入选 once results are published.
 */
export const PROPOSAL_STAGES = [
  'pending',
  'declined',
  'merged',
  'collecting',
  'menu_ready',
  'on_ballot',
  'selected',
  'not_selected',
  'in_project',
] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];
export const PROPOSAL_STAGE_LABELS: Record<ProposalStage, string> = {
  pending: '待审核',
  declined: '未采纳',
  merged: '已合并',
  collecting: '征集附议中',
  menu_ready: '可上菜单',
  on_ballot: '投票菜单中',
  selected: '已入选',
  not_selected: '未入选',
  in_project: '已立项',
};

export interface ProposalStanding {
  status: ProposalStatus;
  supportCount: number;
  threshold: number;
  /** The round whose menu last held it, if any: its phase and whether the proposal won it. */
  round: { phase: RoundPhase; won: boolean } | null;
  hasProject: boolean;
}

export function proposalStage(p: ProposalStanding): ProposalStage {
  if (p.status !== 'accepted') return p.status;
  if (p.hasProject) return 'in_project';
  const round = p.round && p.round.phase !== 'cancelled' ? p.round : null;
  if (round && (round.phase === 'upcoming' || round.phase === 'voting' || round.phase === 'counting')) {
    return 'on_ballot';
  }
  if (round) return round.won ? 'selected' : 'not_selected';
  return isMenuReady(p.supportCount, p.threshold) ? 'menu_ready' : 'collecting';
}

/** A round holds its proposals until it is cancelled, or is final and they did not win it. */
function isHeldByRound(round: ProposalStanding['round']): boolean {
  return round !== null && round.phase !== 'cancelled' && (round.phase !== 'final' || round.won);
}

/**
 * Staff may put a proposal on a new menu when it is in the 需求清单, visible, has reached the
 * threshold, and is not held by another round — unless that round was cancelled, or is final
 * and the proposal did not win it (a winner becomes a project instead).
 */
export function menuProblem(p: ProposalStanding & { hidden: boolean }): ErrorCode | null {
  if (p.hidden || p.status !== 'accepted' || p.hasProject) return 'PROPOSAL_UNAVAILABLE';
  if (isHeldByRound(p.round)) return 'PROPOSAL_ON_ROUND';
  if (!isMenuReady(p.supportCount, p.threshold)) return 'PROPOSAL_NOT_READY';
  return null;
}

/**
 * A duplicate may be merged while it is pending or in the 需求清单 and no running round holds it
 * (a round's menu is frozen), nor has it won or become a project.
 */
export function mergeProblem(p: ProposalStanding): ErrorCode | null {
  if (p.status !== 'pending' && p.status !== 'accepted') return 'PROPOSAL_DECIDED';
  if (p.hasProject || isHeldByRound(p.round)) return 'PROPOSAL_ON_ROUND';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rounds

export type VotingRule = { kind: 'approval'; maxChoices: number } | { kind: 'budget'; budget: number };

/** `5万元`, `8000元`: amounts as residents read them. */
export function formatYuan(amount: number): string {
  if (amount >= 10000 && amount % 1000 === 0) return `${amount / 10000}万元`;
  return `${amount}元`;
}

/** The rule in one sentence, shown on the ballot and the results. */
export function describeRule(rule: VotingRule): string {
  if (rule.kind === 'approval') {
    return `每人最多选${rule.maxChoices}项；得票最多的${rule.maxChoices}项入选（至少得1票）`;
  }
  return `所选提议的估算费用合计不超过${formatYuan(rule.budget)}；按得票从高到低依次入选，放不进剩余预算的跳过`;
}

/** How equal votes are ordered — stated on the results page. */
export const TIE_BREAK_TEXT = '得票相同时，附议人数多者优先；仍相同时，先提出者优先';

export const ELIGIBILITIES = ['residents', 'with_building'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];
export const ELIGIBILITY_LABELS: Record<Eligibility, string> = {
  residents: '本社区注册居民',
  with_building: '已登记楼栋的本社区居民',
};

export function isEligible(
  eligibility: Eligibility,
  voter: { roles: readonly Role[]; building: string },
): boolean {
  if (!voter.roles.includes('resident')) return false;
  return eligibility !== 'with_building' || voter.building.trim() !== '';
}

export const ROUND_PHASES = ['cancelled', 'upcoming', 'voting', 'counting', 'publicity', 'final'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
export const ROUND_PHASE_LABELS: Record<RoundPhase, string> = {
  cancelled: '已取消',
  upcoming: '即将开始',
  voting: '投票中',
  counting: '计票中',
  publicity: '结果公示中',
  final: '结果已确定',
};

export interface RoundTimes {
  status: 'open' | 'cancelled';
  startAt: EpochMs;
  endAt: EpochMs;
  closedAt: EpochMs | null;
  finalizedAt: EpochMs | null;
}

/** Voting runs from `startAt` (inclusive) to `endAt` (exclusive); then the count, the 公示, finality. */
export function roundPhase(round: RoundTimes, now: EpochMs): RoundPhase {
  if (round.status === 'cancelled') return 'cancelled';
  if (round.finalizedAt !== null) return 'final';
  if (round.closedAt !== null) return 'publicity';
  if (now < round.startAt) return 'upcoming';
  return now < round.endAt ? 'voting' : 'counting';
}

/** The rule, the menu and the budget may change only until shortly before the start. */
export function assertEditable(round: RoundTimes, now: EpochMs): void {
  if (round.status === 'cancelled') throw new AppError('ROUND_CANCELLED');
  if (now >= round.startAt - FREEZE_BEFORE_START_MS) throw new AppError('ROUND_FROZEN');
}

/** A new or edited round's times: it must end in the future, after it starts. */
export function assertRoundTimes(startAt: EpochMs, endAt: EpochMs, now: EpochMs): void {
  if (endAt <= startAt) throw new AppError('INVALID_INPUT', '结束时间须晚于开始时间');
  if (endAt <= now) throw new AppError('INVALID_INPUT', '结束时间须晚于现在');
}

/** The menu a rule needs: at least two proposals; approval picks fewer than all; budget needs every cost. */
export function assertMenuFits(rule: VotingRule, menu: readonly { estimatedCost: number | null }[]): void {
  if (menu.length < 2) throw new AppError('ROUND_MENU_TOO_SMALL');
  if (rule.kind === 'approval' && rule.maxChoices >= menu.length) {
    throw new AppError('ROUND_RULE_INVALID', `可选项数须少于菜单中的提议数（${menu.length}项）`);
  }
  if (rule.kind === 'budget' && menu.some((m) => m.estimatedCost === null || m.estimatedCost <= 0)) {
    throw new AppError('ROUND_COST_MISSING');
  }
}

// ---------------------------------------------------------------------------------------------
// Ballots

/** Why someone cannot cast a ballot now, or null when they can. One rule for the page and the handler. */
export function voteProblem(v: {
  phase: RoundPhase;
  eligible: boolean;
  hasBallot: boolean;
}): ErrorCode | null {
  if (v.hasBallot) return 'BALLOT_ALREADY_CAST';
  if (v.phase === 'cancelled') return 'ROUND_CANCELLED';
  if (v.phase === 'upcoming') return 'ROUND_NOT_STARTED';
  if (v.phase !== 'voting') return 'ROUND_ENDED';
  if (!v.eligible) return 'BALLOT_NOT_ELIGIBLE';
  return null;
}

/** The words for a vote problem; an ineligible resident is told what would make them eligible. */
export function explainVoteProblem(code: ErrorCode | null, eligibility: Eligibility): string {
  if (code === 'BALLOT_NOT_ELIGIBLE' && eligibility === 'with_building') {
    return '本轮仅限已登记楼栋的居民投票，请先在「我的资料」中填写楼栋';
  }
  return problemMessage(code);
}

export function assertMayVote(v: Parameters<typeof voteProblem>[0], eligibility: Eligibility): void {
  const problem = voteProblem(v);
  if (problem) throw new AppError(problem, explainVoteProblem(problem, eligibility));
}

export interface MenuEntry {
  proposalId: string;
  /** Frozen when the round opens; a budget round has one for every entry. */
  estimatedCost: number | null;
  /** Supports when the menu was frozen: the first tie-breaker. */
  supportCount: number;
  /** When the proposal was made: the second tie-breaker. */
  proposedAt: EpochMs;
}

/**
 * A ballot is valid when it names at least one proposal, each on the menu and once only, and
 * keeps the rule: at most N choices (approval) or costs within the budget. Returns its total cost.
 */
export function checkBallot(
  rule: VotingRule,
  menu: readonly Pick<MenuEntry, 'proposalId' | 'estimatedCost'>[],
  choices: readonly string[],
): number {
  if (choices.length === 0) throw new AppError('BALLOT_EMPTY');
  if (new Set(choices).size !== choices.length) throw new AppError('BALLOT_DUPLICATE_CHOICE');
  const byId = new Map(menu.map((m) => [m.proposalId, m]));
  if (choices.some((id) => !byId.has(id))) throw new AppError('BALLOT_NOT_ON_MENU');
  const totalCost = choices.reduce((sum, id) => sum + (byId.get(id)?.estimatedCost ?? 0), 0);
  if (rule.kind === 'approval' && choices.length > rule.maxChoices) {
    throw new AppError('BALLOT_TOO_MANY', `本轮每人最多选${rule.maxChoices}项`);
  }
  if (rule.kind === 'budget' && totalCost > rule.budget) {
    throw new AppError(
      'BALLOT_OVER_BUDGET',
      `所选提议合计${formatYuan(totalCost)}，超出本轮预算${formatYuan(rule.budget)}`,
    );
  }
  return totalCost;
}

// ---------------------------------------------------------------------------------------------
// Results

/** `won`; `not_fit`: had votes but did not fit the budget left at its turn; `lost`: the rest. */
export type Outcome = 'won' | 'not_fit' | 'lost';
export const OUTCOME_LABELS: Record<Outcome, string> = {
  won: '入选',
  not_fit: '预算不足未入选',
  lost: '未入选',
};

export interface RankedEntry {
  proposalId: string;
  votes: number;
  /** 1-based place in the order the rule considered the entries. */
  rank: number;
  outcome: Outcome;
}

/** More votes first; then more supports; then the earlier proposal; then the id, so the order is total. */
export function compareForSelection(
  a: MenuEntry & { votes: number },
  b: MenuEntry & { votes: number },
): number {
  return (
    b.votes - a.votes ||
    b.supportCount - a.supportCount ||
    a.proposedAt - b.proposedAt ||
    (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0)
  );
}

/**
 * The winners, in order. Approval: the top N by votes. Budget: by votes, each proposal that still
 * fits the budget left is added, one that does not is skipped and the next considered. A proposal
 * with no votes never wins.
 */
export function selectWinners(
  rule: VotingRule,
  menu: readonly MenuEntry[],
  votes: Readonly<Record<string, number>>,
): RankedEntry[] {
  const ordered = menu.map((m) => ({ ...m, votes: votes[m.proposalId] ?? 0 })).sort(compareForSelection);
  let remaining = rule.kind === 'budget' ? rule.budget : 0;
  let won = 0;
  return ordered.map((entry, index) => {
    let outcome: Outcome = 'lost';
    if (entry.votes > 0 && rule.kind === 'approval' && won < rule.maxChoices) outcome = 'won';
    if (entry.votes > 0 && rule.kind === 'budget') {
      const cost = entry.estimatedCost ?? 0;
      outcome = cost <= remaining ? 'won' : 'not_fit';
      if (outcome === 'won') remaining -= cost;
    }
    if (outcome === 'won') won += 1;
    return { proposalId: entry.proposalId, votes: entry.votes, rank: index + 1, outcome };
  });
}

/** Ballots over eligible residents, as a percentage with one decimal (0 when nobody is eligible). */
export function turnoutPercent(ballots: number, eligible: number): number {
  if (eligible <= 0) return 0;
  return Math.round((ballots / eligible) * 1000) / 10;
}

/**
 * The round the 点菜 home leads with: the one open for voting (ending soonest), else the next to
 * start, else the latest being counted or in 公示.
 */
export function pickCurrentRound<R extends { phase: RoundPhase; startAt: EpochMs; endAt: EpochMs }>(
  rounds: readonly R[],
): R | null {
  const by = (phase: RoundPhase) => rounds.filter((r) => r.phase === phase);
  const voting = by('voting').sort((a, b) => a.endAt - b.endAt);
  if (voting.length) return voting[0];
  const upcoming = by('upcoming').sort((a, b) => a.startAt - b.startAt);
  if (upcoming.length) return upcoming[0];
  const recent = [...by('counting'), ...by('publicity')].sort((a, b) => b.endAt - a.endAt);
  return recent[0] ?? null;
}

/** The message for a problem code, for views that explain why an action is not offered. */
export function problemMessage(code: ErrorCode | null): string {
  return code ? ERROR_MESSAGES[code] : '';
}

/** Neighbours see a proposal once staff accepted (or declined, or merged) it, unless moderation hid it. */
export function isPublicProposal(p: { status: string; hidden: boolean }): boolean {
  return p.status !== 'pending' && !p.hidden;
}
