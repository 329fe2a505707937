/** Turn stored documents into what the contract promises, with the flags the pages read. */
import { reportRefusal } from '../../core/domain/moderation';
import type {
  BallotReceipt,
  ObjectionId,
  ObjectionView,
  ProposalId,
  ProposalView,
  ResultsView,
  RoundId,
  RoundSummary,
} from '../../core/contract';
import {
  ELIGIBILITY_LABELS,
  OUTCOME_LABELS,
  PROPOSAL_STAGE_LABELS,
  ROUND_PHASE_LABELS,
  TIE_BREAK_TEXT,
  describeRule,
  explainVoteProblem,
  isEligible,
  isMenuReady,
  isPublicProposal,
  menuProblem,
  mergeProblem,
  proposalStage,
  roundPhase,
  supportProblem,
  turnoutPercent,
  voteProblem,
} from '../../core/domain/voting';
import type { EpochMs } from '../../core/time';
import type { UserDoc } from '../runtime/users';
import { standingOf, type Standings } from './standing';
import {
  ids,
  type BallotDoc,
  type ObjectionDoc,
  type ProposalDoc,
  type RoundDoc,
  type StoredResults,
} from './store';

export interface Viewer {
  id: string;
  isStaff: boolean;
  now: EpochMs;
}

export function viewerOf(ctx: { caller: UserDoc; roles: readonly string[]; now: EpochMs }): Viewer {
  return { id: ctx.caller._id, isStaff: ctx.roles.includes('staff'), now: ctx.now };
}

/** Hidden proposals are seen only by their author and staff. */
export function mayView(proposal: ProposalDoc, viewer: Viewer): boolean {
  if (viewer.isStaff || proposal.authorId === viewer.id) return true;
  return !proposal.hidden && proposal.status !== 'pending';
}

export function toProposalView(p: ProposalDoc, viewer: Viewer, standings: Standings): ProposalView {
  const standing = standingOf(p, standings, viewer.now);
  const supported = standings.supported.has(p._id);
  const privileged = viewer.isStaff || p.authorId === viewer.id;
  return {
    id: p._id as ProposalId,
    title: p.title,
    description: p.description,
    category: p.category,
    estimatedCost: p.estimatedCost,
    location: p.location,
    photos: p.photos,
    authorName: p.authorName,
    isMine: p.authorId === viewer.id,
    status: p.status,
    stage: proposalStage(standing),
    stageLabel: PROPOSAL_STAGE_LABELS[proposalStage(standing)],
    supportCount: standing.supportCount,
    supportThreshold: standings.threshold,
    menuReady: isMenuReady(standing.supportCount, standings.threshold),
    supported,
    maySupport: !supported && supportProblem(p) === null,
    decisionReason: p.decisionReason,
    mergedInto: p.mergedInto
      ? { id: p.mergedInto as ProposalId, title: standings.mergedTitles.get(p.mergedInto) ?? '' }
      : null,
    mergedFromCount: p.supportIds.length - 1,
    roundId: p.roundId,
    projectId: standing.hasProject ? ids.project(p._id) : null,
    hidden: p.hidden,
    hiddenReason: privileged ? p.hiddenReason : '',
    createdAt: p.createdAt,
    decidedAt: p.decidedAt,
    mayScreen: viewer.isStaff && p.status === 'pending',
    mayMerge: viewer.isStaff && mergeProblem(standing) === null,
    mayPutOnMenu: viewer.isStaff && menuProblem({ ...standing, hidden: p.hidden }) === null,
    // Staff take items down themselves (moderation.hideItem) rather than report them.
    mayReport:
      !viewer.isStaff &&
      reportRefusal({ isPublic: isPublicProposal(p), authorId: p.authorId }, viewer.id) === null,
    mayRestore: viewer.isStaff && p.hidden,
  };
}

export function toReceipt(round: RoundDoc, ballot: BallotDoc): BallotReceipt {
  const menu = new Map(round.menu.map((m) => [m.proposalId, m]));
  return {
    roundId: round._id as RoundId,
    roundTitle: round.title,
    choices: ballot.choices.map((id) => ({
      proposalId: id as ProposalId,
      title: menu.get(id)?.title ?? '',
      estimatedCost: menu.get(id)?.estimatedCost ?? null,
    })),
    totalCost: ballot.totalCost,
    channel: ballot.channel,
    channelLabel: ballot.channel === 'paper' ? '纸质' : '线上',
    castAt: ballot.castAt,
    recordedByName: ballot.recordedByName,
  };
}

export function toResultsView(
  round: RoundDoc,
  results: StoredResults,
  state: { provisional: boolean; final: boolean },
): ResultsView {
  const menu = new Map(round.menu.map((m) => [m.proposalId, m]));
  const winners = results.entries.filter((e) => e.outcome === 'won');
  const ballots = results.online + results.paper;
  return {
    ...state,
    items: results.entries.map((e) => ({
      proposalId: e.proposalId as ProposalId,
      title: menu.get(e.proposalId)?.title ?? '',
      votes: e.votes,
      estimatedCost: menu.get(e.proposalId)?.estimatedCost ?? null,
      rank: e.rank,
      outcome: e.outcome,
      outcomeLabel: OUTCOME_LABELS[e.outcome],
    })),
    maxVotes: results.entries.reduce((max, e) => Math.max(max, e.votes), 0),
    winnerIds: winners.map((e) => e.proposalId as ProposalId),
    ballots,
    onlineBallots: results.online,
    paperBallots: results.paper,
    eligibleCount: results.eligible,
    turnoutPercent: turnoutPercent(ballots, results.eligible),
    budget: round.rule.kind === 'budget' ? round.rule.budget : null,
    budgetUsed:
      round.rule.kind === 'budget'
        ? winners.reduce((sum, e) => sum + (menu.get(e.proposalId)?.estimatedCost ?? 0), 0)
        : null,
    ruleText: describeRule(round.rule),
    tieBreakText: TIE_BREAK_TEXT,
  };
}

/** The fields every round view shares, for a viewer who has (or has not) voted. */
export function toRoundSummary(
  round: RoundDoc,
  caller: UserDoc,
  hasVoted: boolean,
  now: EpochMs,
): RoundSummary {
  const phase = roundPhase(round, now);
  const problem = voteProblem({
    phase,
    eligible: isEligible(round.eligibility, caller),
    hasBallot: hasVoted,
  });
  return {
    id: round._id as RoundId,
    title: round.title,
    rule: round.rule,
    ruleText: describeRule(round.rule),
    eligibility: round.eligibility,
    eligibilityText: ELIGIBILITY_LABELS[round.eligibility],
    liveResults: round.liveResults,
    startAt: round.startAt,
    endAt: round.endAt,
    phase,
    phaseLabel: ROUND_PHASE_LABELS[phase],
    publicityEndsAt: round.publicityEndsAt,
    menuCount: round.menu.length,
    hasVoted,
    mayVote: problem === null,
    voteBlockedReason: explainVoteProblem(problem, round.eligibility),
  };
}

export function toObjectionView(o: ObjectionDoc, viewer: Viewer): ObjectionView {
  return {
    id: o._id as ObjectionId,
    roundId: o.roundId as RoundId,
    authorName: o.authorName,
    text: o.text,
    answer: o.answer,
    answeredAt: o.answeredAt,
    createdAt: o.createdAt,
    isMine: o.userId === viewer.id,
    mayAnswer: viewer.isStaff && o.answeredAt === null,
  };
}
