/**
 * The collections of 百姓点菜 and the deterministic ids that make its "once" rules hold in the
 * database itself: one support per resident and proposal, one ballot per resident and round (online
 * or paper alike), one objection per resident and round, one project per winner, one rating per
 * resident and project. Two concurrent writes of the same id conflict, so one of them re-runs and
 * finds the other's document — no read-then-insert race.
 */
import { createHash } from 'crypto';
import type { Milestone, ProjectStatus } from '../../core/domain/projects';
import {
  DEFAULT_PUBLICITY_DAYS,
  DEFAULT_SUPPORT_THRESHOLD,
  isPublicProposal,
  type Eligibility,
  type MenuEntry,
  type Outcome,
  type ProposalCategory,
  type ProposalStatus,
  type VotingRule,
} from '../../core/domain/voting';
import type { EpochMs } from '../../core/time';
import { CONFIG } from '../runtime/config';
import { findById, type Doc, type DocReader, type Transaction } from '../runtime/db';

export const PROPOSALS = 'proposals';
export const SUPPORTS = 'proposal_supports';
export const ROUNDS = 'rounds';
export const BALLOTS = 'ballots';
export const OBJECTIONS = 'round_objections';
export const PROJECTS = 'projects';
export const RATINGS = 'project_ratings';
const VOTES_CONFIG_ID = 'votes';

export interface ProposalFields {
  title: string;
  description: string;
  category: ProposalCategory;
  estimatedCost: number | null;
  location: string;
  photos: string[];
  authorId: string;
  authorName: string;
  status: ProposalStatus;
  decisionReason: string;
  decidedBy: string | null;
  decidedAt: EpochMs | null;
  /** Set when merged: the proposal that carries this one on. */
  mergedInto: string | null;
  /**
   * This proposal and every proposal merged into it: supports of any of them count here (each
   * resident once). Merging adds to the list instead of copying support documents, so a support
   * that commits while a merge runs is never lost.
   */
  supportIds: string[];
  /** The round whose menu last held it. */
  roundId: string | null;
  /** Set by moderation: every public list and view leaves it out. */
  hidden: boolean;
  hiddenReason: string;
  hiddenAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type ProposalDoc = Doc<ProposalFields>;

export interface SupportFields {
  proposalId: string;
  userId: string;
  createdAt: EpochMs;
}

/** A menu entry as frozen into the round: what the ballot shows and the count reads. */
export interface MenuItem extends MenuEntry {
  title: string;
  description: string;
  category: ProposalCategory;
  authorId: string;
}

/** What the count at close stores: per proposal in selection order, and the turnout. */
export interface StoredResults {
  entries: { proposalId: string; votes: number; rank: number; outcome: Outcome }[];
  online: number;
  paper: number;
  eligible: number;
}

export interface RoundFields {
  title: string;
  description: string;
  menu: MenuItem[];
  rule: VotingRule;
  eligibility: Eligibility;
  liveResults: boolean;
  startAt: EpochMs;
  endAt: EpochMs;
  publicityDays: number;
  status: 'open' | 'cancelled';
  cancelReason: string;
  /** Set by the count: results are published and the 公示 runs until `publicityEndsAt`. */
  closedAt: EpochMs | null;
  publicityEndsAt: EpochMs | null;
  results: StoredResults | null;
  /** Set once the 公示 is over and every objection answered: the winners are final. */
  finalizedAt: EpochMs | null;
  /** When the participants were told of the published and of the final results. */
  publishedNoticeAt: EpochMs | null;
  finalNoticeAt: EpochMs | null;
  /** The last ballot whose voter the notice being sent has reached (see jobs.ts). */
  noticeCursor: string | null;
  createdBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type RoundDoc = Doc<RoundFields>;

/** A round as it opens: nobody has voted, nothing is counted or sent. */
export const NOT_YET_COUNTED = {
  status: 'open',
  cancelReason: '',
  closedAt: null,
  publicityEndsAt: null,
  results: null,
  finalizedAt: null,
  publishedNoticeAt: null,
  finalNoticeAt: null,
  noticeCursor: null,
} as const satisfies Partial<RoundFields>;

/** The menu entry a proposal becomes, frozen with the supports it had. */
export function menuItemOf(p: ProposalDoc, supportCount: number): MenuItem {
  return {
    proposalId: p._id,
    title: p.title,
    description: p.description,
    category: p.category,
    estimatedCost: p.estimatedCost,
    supportCount,
    proposedAt: p.createdAt,
    authorId: p.authorId,
  };
}

export interface BallotFields {
  roundId: string;
  userId: string;
  choices: string[];
  totalCost: number;
  channel: 'online' | 'paper';
  /** The staff member who recorded a paper ballot; null online. */
  recordedBy: string | null;
  recordedByName: string;
  castAt: EpochMs;
}
export type BallotDoc = Doc<BallotFields>;

export interface ObjectionFields {
  roundId: string;
  userId: string;
  authorName: string;
  text: string;
  answer: string;
  answeredBy: string | null;
  answeredAt: EpochMs | null;
  createdAt: EpochMs;
}
export type ObjectionDoc = Doc<ObjectionFields>;

export interface ProjectFields {
  roundId: string;
  proposalId: string;
  title: string;
  description: string;
  organisation: string;
  budget: number;
  plannedStartAt: EpochMs;
  plannedEndAt: EpochMs;
  photos: string[];
  milestones: Milestone[];
  status: ProjectStatus;
  completedAt: EpochMs | null;
  /** When voters and participants were invited to rate it. */
  ratingInviteAt: EpochMs | null;
  /** The last ballot whose voter the rating invitation has reached. */
  inviteCursor: string | null;
  createdBy: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type ProjectDoc = Doc<ProjectFields>;

export interface RatingFields {
  projectId: string;
  userId: string;
  score: number;
  comment: string;
  createdAt: EpochMs;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

export const ids = {
  /** A retried submission with the same request id is the same proposal. */
  proposal: (userId: string, requestId: string) => `p${hash(`${userId}:${requestId}`)}`,
  support: (proposalId: string, userId: string) => `s_${proposalId}_${userId}`,
  /** Online and paper alike: a resident votes one way or the other, never both. */
  ballot: (roundId: string, userId: string) => `b_${roundId}_${userId}`,
  objection: (roundId: string, userId: string) => `o_${roundId}_${userId}`,
  /** A winner becomes one project. */
  project: (proposalId: string) => `pj_${proposalId}`,
  rating: (projectId: string, userId: string) => `rt_${projectId}_${userId}`,
};

export const findProposal = (source: DocReader, id: string) =>
  findById<ProposalFields>(source, PROPOSALS, id);
export const findRound = (source: DocReader, id: string) => findById<RoundFields>(source, ROUNDS, id);
export const findBallot = (source: DocReader, roundId: string, userId: string) =>
  findById<BallotFields>(source, BALLOTS, ids.ballot(roundId, userId));
export const findProject = (source: DocReader, id: string) => findById<ProjectFields>(source, PROJECTS, id);

export interface VotingSettings {
  supportThreshold: number;
  publicityDays: number;
}

export async function votingSettings(source: DocReader): Promise<VotingSettings> {
  const stored = await findById<Partial<VotingSettings>>(source, CONFIG, VOTES_CONFIG_ID);
  return {
    supportThreshold: stored?.supportThreshold ?? DEFAULT_SUPPORT_THRESHOLD,
    publicityDays: stored?.publicityDays ?? DEFAULT_PUBLICITY_DAYS,
  };
}

export async function writeVotingSettings(tx: Transaction, settings: VotingSettings): Promise<void> {
  await tx.collection(CONFIG).doc(VOTES_CONFIG_ID).set({ data: settings });
}

// ---------------------------------------------------------------------------------------------
// Moderation hooks: the shared 举报 / image-check module calls these.

/** What moderation needs to show and judge a proposal, or null when there is none. */
export async function loadProposalForModeration(source: DocReader, id: string) {
  const proposal = await findProposal(source, id);
  if (!proposal) return null;
  return {
    title: proposal.title,
    excerpt: proposal.description.slice(0, 60),
    authorId: proposal.authorId,
    // A pending proposal is seen only by its author and staff.
    isPublic: isPublicProposal(proposal),
    hidden: proposal.hidden,
    photos: proposal.photos,
  };
}

/** Back in the lists it was hidden from. Idempotent: nothing happens when it is not hidden. */
export async function restoreProposal(tx: Transaction, id: string, now: EpochMs): Promise<void> {
  const proposal = await findProposal(tx, id);
  if (!proposal || !proposal.hidden) return;
  await tx
    .collection(PROPOSALS)
    .doc(id)
    .update({ data: { hidden: false, hiddenReason: '', hiddenAt: null, updatedAt: now } });
}

/** Hide a proposal from every public list and view. Idempotent: false when missing or already hidden. */
export async function hideProposal(
  tx: Transaction,
  id: string,
  reason: string,
  now: EpochMs,
): Promise<boolean> {
  const proposal = await findProposal(tx, id);
  if (!proposal || proposal.hidden) return false;
  await tx
    .collection(PROPOSALS)
    .doc(id)
    .update({ data: { hidden: true, hiddenReason: reason, hiddenAt: now, updatedAt: now } });
  return true;
}
