/**
 * 百姓点菜 — the `votes` function: proposals (需求征集) and supports, voting rounds with online and
 * paper ballots, results with a 公示 and objections, and the 微实事 projects winners become.
 * Views carry the flags pages need (maySupport, mayVote, resultsVisible, mayRate…), computed by the
 * rules in core/domain/voting.ts and projects.ts, so no page re-derives a rule.
 */
import { z } from 'zod';
import { EVENT_CATEGORIES, EVENT_STATUSES } from '../domain/events';
import { PROJECT_PHASES, PROJECT_STATUSES } from '../domain/projects';
import {
  ELIGIBILITIES,
  PROPOSAL_CATEGORIES,
  PROPOSAL_STAGES,
  PROPOSAL_STATUSES,
  ROUND_PHASES,
} from '../domain/voting';
import {
  EventId,
  RequestId,
  UserId,
  defineAction,
  empty,
  epochMs,
  idSchema,
  pageOf,
  paging,
  storedImage,
} from './define';

export const ProposalId = idSchema<'ProposalId'>();
export type ProposalId = z.infer<typeof ProposalId>;
export const RoundId = idSchema<'RoundId'>();
export type RoundId = z.infer<typeof RoundId>;
export const ObjectionId = idSchema<'ObjectionId'>();
export type ObjectionId = z.infer<typeof ObjectionId>;
export const ProjectId = idSchema<'ProjectId'>();
export type ProjectId = z.infer<typeof ProjectId>;
export const MilestoneId = idSchema<'MilestoneId'>();
export type MilestoneId = z.infer<typeof MilestoneId>;

const text = (max: number) => z.string().trim().max(max);
/** Whole 元, up to 1亿. */
const yuan = z.number().int().min(0, '金额不能为负').max(100_000_000);
const photos = z.array(storedImage).max(9, '最多9张图片');

// ---------------------------------------------------------------------------------------------
// Views

export const ProposalView = z.object({
  id: ProposalId,
  title: z.string(),
  description: z.string(),
  category: z.enum(PROPOSAL_CATEGORIES),
  estimatedCost: z.number().int().nullable(),
  location: z.string(),
  photos: z.array(z.string()),
  /** The proposer's nickname (never their real name). */
  authorName: z.string(),
  isMine: z.boolean(),
  status: z.enum(PROPOSAL_STATUSES),
  stage: z.enum(PROPOSAL_STAGES),
  stageLabel: z.string(),
  /** Residents supporting it, each once, including those of proposals merged into it. */
  supportCount: z.number().int(),
  supportThreshold: z.number().int(),
  menuReady: z.boolean(),
  supported: z.boolean(),
  maySupport: z.boolean(),
  /** May 举报 it: public, not the caller's own, and the caller is not staff. */
  mayReport: z.boolean(),
  /** Staff may put it back in the lists (moderation.restoreItem): it is hidden. */
  mayRestore: z.boolean(),
  /** The public reason for a decline, or the note of a merge. */
  decisionReason: z.string(),
  /** A merged proposal links to the one that carries it on. */
  mergedInto: z.object({ id: ProposalId, title: z.string() }).nullable(),
  mergedFromCount: z.number().int(),
  roundId: z.string().nullable(),
  projectId: z.string().nullable(),
  /** Hidden by moderation: only its author and staff still see it, with the reason. */
  hidden: z.boolean(),
  hiddenReason: z.string(),
  createdAt: epochMs,
  decidedAt: epochMs.nullable(),
  /** Staff: screen a pending one; merge it into another; put it on a new round's menu. */
  mayScreen: z.boolean(),
  mayMerge: z.boolean(),
  mayPutOnMenu: z.boolean(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const RuleView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approval'), maxChoices: z.number().int() }),
  z.object({ kind: z.literal('budget'), budget: z.number().int() }),
]);

export const MenuItemView = z.object({
  proposalId: ProposalId,
  /** As frozen when the round opened (masked when moderation hid the proposal since). */
  title: z.string(),
  description: z.string(),
  category: z.enum(PROPOSAL_CATEGORIES),
  estimatedCost: z.number().int().nullable(),
  supportCount: z.number().int(),
  hidden: z.boolean(),
});

export const BallotReceipt = z.object({
  roundId: RoundId,
  roundTitle: z.string(),
  choices: z.array(
    z.object({ proposalId: ProposalId, title: z.string(), estimatedCost: z.number().int().nullable() }),
  ),
  totalCost: z.number().int(),
  channel: z.enum(['online', 'paper']),
  /** 线上 or 纸质. */
  channelLabel: z.string(),
  castAt: epochMs,
  /** For a paper ballot: the staff member who recorded it. */
  recordedByName: z.string(),
});
export type BallotReceipt = z.infer<typeof BallotReceipt>;

export const ResultsView = z.object({
  /** Live results while voting runs; not yet the count. */
  provisional: z.boolean(),
  final: z.boolean(),
  /** In the order the rule considered them; votes drive the bar chart (scale by maxVotes). */
  items: z.array(
    z.object({
      proposalId: ProposalId,
      title: z.string(),
      votes: z.number().int(),
      estimatedCost: z.number().int().nullable(),
      rank: z.number().int(),
      outcome: z.enum(['won', 'not_fit', 'lost']),
      outcomeLabel: z.string(),
    }),
  ),
  maxVotes: z.number().int(),
  winnerIds: z.array(ProposalId),
  ballots: z.number().int(),
  onlineBallots: z.number().int(),
  paperBallots: z.number().int(),
  eligibleCount: z.number().int(),
  turnoutPercent: z.number(),
  /** Budget rounds: the budget and what the winners use of it. */
  budget: z.number().int().nullable(),
  budgetUsed: z.number().int().nullable(),
  ruleText: z.string(),
  tieBreakText: z.string(),
});
export type ResultsView = z.infer<typeof ResultsView>;

export const ObjectionView = z.object({
  id: ObjectionId,
  roundId: RoundId,
  authorName: z.string(),
  text: z.string(),
  answer: z.string(),
  answeredAt: epochMs.nullable(),
  createdAt: epochMs,
  isMine: z.boolean(),
  mayAnswer: z.boolean(),
});
export type ObjectionView = z.infer<typeof ObjectionView>;

const RoundCore = {
  id: RoundId,
  title: z.string(),
  rule: RuleView,
  ruleText: z.string(),
  eligibility: z.enum(ELIGIBILITIES),
  eligibilityText: z.string(),
  liveResults: z.boolean(),
  startAt: epochMs,
  endAt: epochMs,
  phase: z.enum(ROUND_PHASES),
  phaseLabel: z.string(),
  publicityEndsAt: epochMs.nullable(),
  menuCount: z.number().int(),
  hasVoted: z.boolean(),
  mayVote: z.boolean(),
  /** Why the caller may not vote ('' when they may): not started, ended, already voted, not eligible. */
  voteBlockedReason: z.string(),
};

export const RoundSummary = z.object(RoundCore);
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundView = z.object({
  ...RoundCore,
  description: z.string(),
  tieBreakText: z.string(),
  publicityDays: z.number().int(),
  closedAt: epochMs.nullable(),
  finalizedAt: epochMs.nullable(),
  cancelReason: z.string(),
  menu: z.array(MenuItemView),
  myBallot: BallotReceipt.nullable(),
  /** Results show once counted, and during voting only when the round shows live results. */
  resultsVisible: z.boolean(),
  results: ResultsView.nullable(),
  /** Public once the results are published. */
  objections: z.array(ObjectionView),
  unansweredObjections: z.number().int(),
  mayObject: z.boolean(),
  /** Staff: edit until the freeze, cancel before the start, record paper ballots while voting runs. */
  mayEdit: z.boolean(),
  mayCancel: z.boolean(),
  mayRecordPaper: z.boolean(),
  /** Staff: the winners that may become projects now (results final, no project yet). */
  projectableIds: z.array(ProposalId),
});
export type RoundView = z.infer<typeof RoundView>;

export const MilestoneView = z.object({
  id: MilestoneId,
  title: z.string(),
  note: z.string(),
  date: epochMs,
  progress: z.number().int(),
  spent: z.number().int(),
  photos: z.array(z.string()),
  /** Staff only ever see these: a planned milestone residents do not see yet. */
  planned: z.boolean(),
});

const ProjectCore = {
  id: ProjectId,
  roundId: RoundId,
  proposalId: ProposalId,
  title: z.string(),
  description: z.string(),
  organisation: z.string(),
  budget: z.number().int(),
  /** Spent so far, from the milestones residents can see. */
  spent: z.number().int(),
  plannedStartAt: epochMs,
  plannedEndAt: epochMs,
  photos: z.array(z.string()),
  status: z.enum(PROJECT_STATUSES),
  phase: z.enum(PROJECT_PHASES),
  phaseLabel: z.string(),
  progress: z.number().int(),
  completedAt: epochMs.nullable(),
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
};

export const ProjectSummary = z.object(ProjectCore);
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectView = z.object({
  ...ProjectCore,
  milestones: z.array(MilestoneView),
  events: z.array(
    z.object({
      id: EventId,
      title: z.string(),
      category: z.enum(EVENT_CATEGORIES),
      startAt: epochMs,
      endAt: epochMs,
      status: z.enum(EVENT_STATUSES),
    }),
  ),
  /** Confirmed service time recorded at the project's events, and how many volunteers gave it. */
  volunteerMinutes: z.number().int(),
  volunteerCount: z.number().int(),
  /** Recent comments, without names. */
  ratingComments: z.array(z.object({ score: z.number().int(), comment: z.string(), createdAt: epochMs })),
  myRating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
  mayRate: z.boolean(),
  /** Why the caller may not rate ('' when they may, or once they have). */
  rateBlockedReason: z.string(),
  mayManage: z.boolean(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const VotingSettings = z.object({
  supportThreshold: z.number().int(),
  publicityDays: z.number().int(),
});

// ---------------------------------------------------------------------------------------------
// Inputs

const RuleInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('approval'),
      maxChoices: z.number().int().min(1, '每人至少可选1项').max(20),
    })
    .strict(),
  z
    .object({
      kind: z.literal('budget'),
      budget: yuan.min(1, '请填写本轮预算'),
    })
    .strict(),
]);

const choices = z.array(ProposalId).max(50);

const ProjectDetails = {
  organisation: text(60).min(2, '请填写实施单位'),
  description: text(1000).optional(),
  budget: yuan.min(1, '请填写项目预算'),
  plannedStartAt: epochMs,
  plannedEndAt: epochMs,
  photos: photos.optional(),
};

export const votesContract = {
  // --- proposals (需求征集)
  propose: defineAction({
    summary: 'Propose a need: title, description, category, optional cost, location, photos; staff screen it',
    roles: ['resident'],
    input: z
      .object({
        /** A retried submission (same id) creates one proposal. */
        requestId: RequestId,
        title: text(40).min(4, '标题至少4个字'),
        description: text(1000).min(10, '请用至少10个字描述需求'),
        category: z.enum(PROPOSAL_CATEGORIES),
        estimatedCost: yuan.optional(),
        location: text(60).optional(),
        photos: photos.optional(),
      })
      .strict(),
    output: ProposalView,
  }),
  proposals: defineAction({
    summary:
      '需求清单: accepted proposals (or the declined / merged ones), optionally by category, newest first, a page at a time',
    roles: ['resident'],
    input: z
      .object({
        category: z.enum(PROPOSAL_CATEGORIES).optional(),
        status: z.enum(['accepted', 'declined', 'merged']).optional(),
        ...paging,
      })
      .strict(),
    output: pageOf(ProposalView),
  }),
  myProposals: defineAction({
    summary: "The caller's own proposals in every status, newest first, a page at a time",
    roles: ['resident'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(ProposalView),
  }),
  proposal: defineAction({
    summary: 'One proposal (a pending or hidden one only for its author and staff)',
    roles: ['resident'],
    input: z.object({ proposalId: ProposalId }).strict(),
    output: ProposalView,
  }),
  support: defineAction({
    summary: '附议 an accepted proposal, once per resident (no reward of any kind)',
    roles: ['resident'],
    input: z.object({ proposalId: ProposalId }).strict(),
    output: ProposalView,
  }),
  pendingProposals: defineAction({
    summary: 'Staff: proposals waiting for screening, oldest first, a page at a time',
    roles: ['staff'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(ProposalView),
  }),
  screenProposal: defineAction({
    summary: 'Staff: accept a pending proposal into the 需求清单, or decline it with a public reason',
    roles: ['staff'],
    input: z.object({ proposalId: ProposalId, accept: z.boolean(), reason: text(200).optional() }).strict(),
    output: ProposalView,
  }),
  mergeProposal: defineAction({
    summary: 'Staff: merge a duplicate into an accepted proposal; its supports count there, it links there',
    roles: ['staff'],
    input: z.object({ proposalId: ProposalId, intoId: ProposalId, reason: text(200).optional() }).strict(),
    output: ProposalView,
  }),
  votingSettings: defineAction({
    summary: 'Staff: the support threshold for 可上菜单 and the default 公示 days',
    roles: ['staff'],
    input: empty,
    output: VotingSettings,
  }),
  saveVotingSettings: defineAction({
    summary: 'Staff: change the support threshold and the default 公示 days',
    roles: ['staff'],
    input: z
      .object({
        supportThreshold: z.number().int().min(1, '附议门槛至少为1').max(10000),
        publicityDays: z.number().int().min(1, '公示期至少1天').max(30),
      })
      .strict(),
    output: VotingSettings,
  }),

  // --- rounds (点菜投票)
  saveRound: defineAction({
    summary: 'Staff: open (or, until just before its start, edit) a round: menu, times, rule, eligibility',
    roles: ['staff'],
    input: z
      .object({
        roundId: RoundId.optional(),
        title: text(40).min(4, '标题至少4个字'),
        description: text(500).optional(),
        proposalIds: z.array(ProposalId).max(30, '菜单最多30条提议'),
        startAt: epochMs,
        endAt: epochMs,
        rule: RuleInput,
        eligibility: z.enum(ELIGIBILITIES),
        liveResults: z.boolean(),
        publicityDays: z.number().int().min(1).max(30).optional(),
      })
      .strict(),
    output: RoundView,
  }),
  cancelRound: defineAction({
    summary: 'Staff: cancel a round before its start, with a reason',
    roles: ['staff'],
    input: z.object({ roundId: RoundId, reason: text(100).min(2, '请填写取消原因') }).strict(),
    output: RoundView,
  }),
  rounds: defineAction({
    summary: 'Every round, newest first, a page at a time, and the one the 点菜 home leads with',
    roles: ['resident'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(RoundSummary).extend({ current: RoundSummary.nullable() }),
  }),
  round: defineAction({
    summary: "One round: menu, the caller's ballot, results when visible, objections",
    roles: ['resident'],
    input: z.object({ roundId: RoundId }).strict(),
    output: RoundView,
  }),
  castBallot: defineAction({
    summary: 'Cast the one ballot of the caller in a round; final once cast; a receipt and a message follow',
    roles: ['resident'],
    input: z.object({ roundId: RoundId, choices }).strict(),
    output: BallotReceipt,
  }),
  recordPaperBallot: defineAction({
    summary: 'Staff: record a paper ballot cast at the 社区 desk (a managed resident or anyone), audited',
    roles: ['staff'],
    input: z.object({ roundId: RoundId, userId: UserId, choices }).strict(),
    output: BallotReceipt,
  }),
  fileObjection: defineAction({
    summary: 'File one objection to a round’s results during the 公示',
    roles: ['resident'],
    input: z.object({ roundId: RoundId, text: text(500).min(5, '请写明异议内容（至少5个字）') }).strict(),
    output: ObjectionView,
  }),
  answerObjection: defineAction({
    summary: 'Staff: answer an objection publicly (once)',
    roles: ['staff'],
    input: z
      .object({ objectionId: ObjectionId, answer: text(500).min(5, '请填写答复（至少5个字）') })
      .strict(),
    output: ObjectionView,
  }),

  // --- 微实事 projects
  createProject: defineAction({
    summary: 'Staff: turn a final winner into a 微实事 project: budget, organisation, planned dates',
    roles: ['staff'],
    input: z.object({ roundId: RoundId, proposalId: ProposalId, ...ProjectDetails }).strict(),
    output: ProjectView,
  }),
  updateProject: defineAction({
    summary: 'Staff: change a project’s budget, organisation, dates, description or photos',
    roles: ['staff'],
    input: z.object({ projectId: ProjectId, ...ProjectDetails }).strict(),
    output: ProjectView,
  }),
  saveMilestone: defineAction({
    summary:
      'Staff: add or edit a milestone (date, progress %, money spent, photos); future ones stay hidden',
    roles: ['staff'],
    input: z
      .object({
        projectId: ProjectId,
        milestoneId: MilestoneId.optional(),
        title: text(40).min(2, '请填写节点名称'),
        note: text(500).optional(),
        date: epochMs,
        progress: z.number().int().min(0).max(100, '进度不能超过100%'),
        spent: yuan.optional(),
        photos: photos.optional(),
      })
      .strict(),
    output: ProjectView,
  }),
  completeProject: defineAction({
    summary: 'Staff: mark a project completed; voters and participants are invited to rate it',
    roles: ['staff'],
    input: z.object({ projectId: ProjectId }).strict(),
    output: ProjectView,
  }),
  projects: defineAction({
    summary: '微实事 projects, newest first, a page at a time, with progress and money planned vs spent',
    roles: ['resident'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(ProjectSummary),
  }),
  project: defineAction({
    summary: 'One project: timeline, progress, money, its events and volunteer hours, ratings',
    roles: ['resident'],
    input: z.object({ projectId: ProjectId }).strict(),
    output: ProjectView,
  }),
  rateProject: defineAction({
    summary: 'Rate a completed project once (满意度 1–5 and a comment): voters and event participants',
    roles: ['resident'],
    input: z
      .object({
        projectId: ProjectId,
        score: z.number().int().min(1, '请选择满意度').max(5),
        comment: text(300).optional(),
      })
      .strict(),
    output: ProjectView,
  }),
};
