/**
 * 微实事 projects: staff turn a final winner into a project with a budget, the organisation carrying
 * it out, planned dates and milestones; events of category 微实事项目 can belong to it and their
 * confirmed volunteer hours show on it. Once completed, residents who voted in its round or took
 * part in its events rate it once each. The page is the 公示, so residents see only milestones
 * whose date has come.
 */
import { randomBytes } from 'crypto';
import type { ProjectId, ProjectSummary, ProjectView } from '../../core/contract';
import {
  PROJECT_PHASE_LABELS,
  assertPlannedDates,
  averageScore,
  projectPhase,
  projectProgress,
  rateProblem,
  visibleMilestones,
  type Milestone,
} from '../../core/domain/projects';
import { roundPhase } from '../../core/domain/voting';
import { AppError, ERROR_MESSAGES } from '../../core/errors';
import { EVENTS, PARTICIPATIONS, type EventFields, type ParticipationFields } from '../events/store';
import { recordAudit } from '../runtime/audit';
import type { HandlerContext } from '../runtime/context';
import { assertCleanText } from '../runtime/content';
import { findAll, findById, inTransaction, withoutId, type Database } from '../runtime/db';
import { findPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { wonIn } from './standing';
import {
  PROJECTS,
  RATINGS,
  findBallot,
  findProject,
  findRound,
  ids,
  type ProjectDoc,
  type ProjectFields,
  type RatingFields,
} from './store';

type Aggregated<T> = { list: T[] };
const MAX_MILESTONES = 50;

async function projectEvents(db: Database, projectId: string) {
  return findAll<EventFields>(db.collection(EVENTS).where({ projectId }).orderBy('startAt', 'asc'), 200);
}

/** Residents who were checked in at one of the project's events. */
export async function projectParticipants(db: Database, projectId: string): Promise<string[]> {
  const events = await projectEvents(db, projectId);
  if (!events.length) return [];
  const _ = db.command;
  const rows = await findAll<Pick<ParticipationFields, 'userId'>>(
    db
      .collection(PARTICIPATIONS)
      .where({ eventId: _.in(events.map((e) => e._id)), status: 'confirmed', checkInAt: _.neq(null) })
      .field({ userId: true }),
    10_000,
  );
  return rows.map((r) => r.userId);
}

/** Confirmed service minutes at the project's events and how many volunteers gave them. */
async function volunteerHours(
  db: Database,
  eventIds: string[],
): Promise<{ minutes: number; people: number }> {
  if (!eventIds.length) return { minutes: 0, people: 0 };
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(PARTICIPATIONS)
    .aggregate()
    .match({ eventId: _.in(eventIds), status: 'confirmed', closedAt: _.neq(null) })
    .group({ _id: null, minutes: $.sum('$minutes'), people: $.addToSet('$userId') })
    .end()) as unknown as Aggregated<{ minutes: number; people: string[] }>;
  const row = res.list[0];
  return { minutes: row?.minutes ?? 0, people: row?.people.length ?? 0 };
}

/** Average and count per project, computed from the ratings (no running totals on the project). */
async function ratingTotals(
  db: Database,
  projectIds: string[],
): Promise<Map<string, { sum: number; count: number }>> {
  if (!projectIds.length) return new Map();
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(RATINGS)
    .aggregate()
    .match({ projectId: _.in(projectIds) })
    .group({ _id: '$projectId', sum: $.sum('$score'), count: $.sum(1) })
    .limit(projectIds.length)
    .end()) as unknown as Aggregated<{ _id: string; sum: number; count: number }>;
  return new Map(res.list.map((row) => [row._id, { sum: row.sum, count: row.count }]));
}

function toSummary(
  project: ProjectDoc,
  now: number,
  rating: { sum: number; count: number } | undefined,
): ProjectSummary {
  const phase = projectPhase(project, now);
  const { progress, spent } = projectProgress(project, now);
  return {
    id: project._id as ProjectId,
    roundId: project.roundId as ProjectSummary['roundId'],
    proposalId: project.proposalId as ProjectSummary['proposalId'],
    title: project.title,
    description: project.description,
    organisation: project.organisation,
    budget: project.budget,
    spent,
    plannedStartAt: project.plannedStartAt,
    plannedEndAt: project.plannedEndAt,
    photos: project.photos,
    status: project.status,
    phase,
    phaseLabel: PROJECT_PHASE_LABELS[phase],
    progress,
    completedAt: project.completedAt,
    ratingAverage: averageScore(rating?.sum ?? 0, rating?.count ?? 0),
    ratingCount: rating?.count ?? 0,
  };
}

/** Whether the caller voted in the project's round or was checked in at one of its events. */
async function tookPart(
  db: Database,
  project: ProjectDoc,
  userId: string,
  eventIds: string[],
): Promise<boolean> {
  if (await findBallot(db, project.roundId, userId)) return true;
  if (!eventIds.length) return false;
  const _ = db.command;
  const res = (await db
    .collection(PARTICIPATIONS)
    .where({ userId, eventId: _.in(eventIds), status: 'confirmed', checkInAt: _.neq(null) })
    .count()) as unknown as { total: number };
  return res.total > 0;
}

export async function projectView(ctx: HandlerContext, project: ProjectDoc): Promise<ProjectView> {
  const isStaff = ctx.roles.includes('staff');
  const events = await projectEvents(ctx.db, project._id);
  const eventIds = events.map((e) => e._id);
  const [hours, totals, comments, mine, participated] = await Promise.all([
    volunteerHours(ctx.db, eventIds),
    ratingTotals(ctx.db, [project._id]),
    findAll<RatingFields>(
      ctx.db
        .collection(RATINGS)
        .where({ projectId: project._id, comment: ctx.db.command.neq('') })
        .orderBy('createdAt', 'desc'),
      20,
    ),
    findById<RatingFields>(ctx.db, RATINGS, ids.rating(project._id, ctx.caller._id)),
    tookPart(ctx.db, project, ctx.caller._id, eventIds),
  ]);
  const problem = rateProblem({
    completed: project.status === 'completed',
    rated: Boolean(mine),
    participated,
  });
  return {
    ...toSummary(project, ctx.now, totals.get(project._id)),
    milestones: visibleMilestones(project.milestones, ctx.now, isStaff).map((m) => ({
      ...m,
      id: m.id as ProjectView['milestones'][number]['id'],
      planned: m.date > ctx.now,
    })),
    events: events
      .filter((e) => e.status !== 'draft' || isStaff)
      .map((e) => ({
        id: e._id as ProjectView['events'][number]['id'],
        title: e.title,
        category: e.category,
        startAt: e.startAt,
        endAt: e.endAt,
        status: e.status,
      })),
    volunteerMinutes: hours.minutes,
    volunteerCount: hours.people,
    ratingComments: comments
      .slice(0, 20)
      .map((r) => ({ score: r.score, comment: r.comment, createdAt: r.createdAt })),
    myRating: mine ? { score: mine.score, comment: mine.comment } : null,
    mayRate: problem === null,
    rateBlockedReason: problem && problem !== 'PROJECT_ALREADY_RATED' ? ERROR_MESSAGES[problem] : '',
    mayManage: isStaff && project.status !== 'completed',
  };
}

async function loadProject(ctx: HandlerContext, projectId: string): Promise<ProjectDoc> {
  const project = await findProject(ctx.db, projectId);
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

export const createProject: Handler<'votes', 'createProject'> = async (input, ctx) => {
  await assertCleanText(ctx, input.organisation, input.description);
  assertPlannedDates(input.plannedStartAt, input.plannedEndAt);
  const id = ids.project(input.proposalId);
  const created = await inTransaction(ctx.db, async (tx): Promise<ProjectDoc> => {
    const round = await findRound(tx, input.roundId);
    if (!round) throw new AppError('NOT_FOUND');
    if (roundPhase(round, ctx.now) !== 'final') throw new AppError('ROUND_NOT_FINAL');
    if (!wonIn(round, input.proposalId)) throw new AppError('PROJECT_NOT_WINNER');
    if (await findProject(tx, id)) throw new AppError('PROJECT_EXISTS');
    const item = round.menu.find((m) => m.proposalId === input.proposalId);
    const project: ProjectDoc = {
      _id: id,
      roundId: round._id,
      proposalId: input.proposalId,
      title: item?.title ?? '',
      description: input.description ?? item?.description ?? '',
      organisation: input.organisation,
      budget: input.budget,
      plannedStartAt: input.plannedStartAt,
      plannedEndAt: input.plannedEndAt,
      photos: (input.photos ?? []).filter(Boolean),
      milestones: [],
      status: 'in_progress',
      completedAt: null,
      ratingInviteAt: null,
      inviteCursor: null,
      createdBy: ctx.caller._id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx
      .collection(PROJECTS)
      .doc(id)
      .set({ data: withoutId(project) });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'project.create',
      targetId: id,
      detail: `预算${input.budget}元，实施单位${input.organisation}`,
      at: ctx.now,
    });
    return project;
  });
  return projectView(ctx, created);
};

/** Change a project that is not completed, in one transaction with its audit entry. */
async function changeProject(
  ctx: HandlerContext,
  projectId: string,
  change: (project: ProjectDoc) => { changes: Partial<ProjectFields>; action: string; detail: string },
): Promise<ProjectView> {
  const changed = await inTransaction(ctx.db, async (tx): Promise<ProjectDoc> => {
    const project = await findProject(tx, projectId);
    if (!project) throw new AppError('NOT_FOUND');
    if (project.status === 'completed') throw new AppError('PROJECT_COMPLETED');
    const { changes, action, detail } = change(project);
    const data = { ...changes, updatedAt: ctx.now };
    await tx.collection(PROJECTS).doc(projectId).update({ data });
    await recordAudit(tx, { actorId: ctx.caller._id, action, targetId: projectId, detail, at: ctx.now });
    return { ...project, ...data };
  });
  return projectView(ctx, changed);
}

export const updateProject: Handler<'votes', 'updateProject'> = async (input, ctx) => {
  await assertCleanText(ctx, input.organisation, input.description);
  assertPlannedDates(input.plannedStartAt, input.plannedEndAt);
  return changeProject(ctx, input.projectId, (project) => ({
    changes: {
      organisation: input.organisation,
      description: input.description ?? project.description,
      budget: input.budget,
      plannedStartAt: input.plannedStartAt,
      plannedEndAt: input.plannedEndAt,
      photos: (input.photos ?? project.photos).filter(Boolean),
    },
    action: 'project.update',
    detail: `预算${project.budget}→${input.budget}元`,
  }));
};

export const saveMilestone: Handler<'votes', 'saveMilestone'> = async (input, ctx) => {
  await assertCleanText(ctx, input.title, input.note);
  return changeProject(ctx, input.projectId, (project) => {
    const existing = input.milestoneId
      ? project.milestones.find((m) => m.id === input.milestoneId)
      : undefined;
    if (input.milestoneId && !existing) throw new AppError('NOT_FOUND', '节点不存在');
    if (!existing && project.milestones.length >= MAX_MILESTONES) {
      throw new AppError('INVALID_INPUT', `每个项目最多${MAX_MILESTONES}个节点`);
    }
    const milestone: Milestone = {
      id: existing?.id ?? 'ms' + randomBytes(6).toString('hex'),
      title: input.title,
      note: input.note ?? '',
      date: input.date,
      progress: input.progress,
      spent: input.spent ?? 0,
      photos: (input.photos ?? []).filter(Boolean),
    };
    const milestones = existing
      ? project.milestones.map((m) => (m.id === existing.id ? milestone : m))
      : [...project.milestones, milestone];
    return {
      changes: { milestones },
      action: existing ? 'project.edit_milestone' : 'project.add_milestone',
      detail: `${milestone.title}：进度${milestone.progress}%，支出${milestone.spent}元`,
    };
  });
};

export const completeProject: Handler<'votes', 'completeProject'> = (input, ctx) =>
  changeProject(ctx, input.projectId, () => ({
    changes: { status: 'completed', completedAt: ctx.now },
    action: 'project.complete',
    detail: '',
  }));

export const projects: Handler<'votes', 'projects'> = async (input, ctx) => {
  const page = await findPage<ProjectFields>(ctx.db, PROJECTS, {}, input);
  const totals = await ratingTotals(
    ctx.db,
    page.items.map((p) => p._id),
  );
  return { items: page.items.map((p) => toSummary(p, ctx.now, totals.get(p._id))), next: page.next };
};

export const project: Handler<'votes', 'project'> = async (input, ctx) =>
  projectView(ctx, await loadProject(ctx, input.projectId));

/** One rating per resident and project (`rt_<project>_<resident>`), by voters and participants only. */
export const rateProject: Handler<'votes', 'rateProject'> = async (input, ctx) => {
  await assertCleanText(ctx, input.comment);
  const found = await loadProject(ctx, input.projectId);
  // Having voted or taken part cannot be undone, so it is safe to learn before the transaction.
  const participated = await tookPart(
    ctx.db,
    found,
    ctx.caller._id,
    (await projectEvents(ctx.db, found._id)).map((e) => e._id),
  );
  const id = ids.rating(found._id, ctx.caller._id);
  await inTransaction(ctx.db, async (tx) => {
    const current = await findProject(tx, found._id);
    const rated = Boolean(await findById(tx, RATINGS, id));
    const problem = rateProblem({ completed: current?.status === 'completed', rated, participated });
    if (problem) throw new AppError(problem);
    const rating: RatingFields = {
      projectId: found._id,
      userId: ctx.caller._id,
      score: input.score,
      comment: input.comment ?? '',
      createdAt: ctx.now,
    };
    await tx.collection(RATINGS).doc(id).set({ data: rating });
  });
  return projectView(ctx, found);
};
