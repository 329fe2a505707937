/**
 * Voting rounds: staff open one with a menu of proposals, times, a rule and who may vote. The rule,
 * the menu and the budget freeze shortly before the start (CONSUL let admins change them mid-vote
 * and users over-voted). Each menu proposal records the round that holds it, written in the same
 * transaction, so two rounds can never take the same proposal at once.
 */
import { randomBytes } from 'crypto';
import type { RoundSummary, RoundView } from '../../core/contract';
import {
  FREEZE_BEFORE_START_MS,
  TIE_BREAK_TEXT,
  assertEditable,
  assertMenuFits,
  assertRoundTimes,
  menuProblem,
  pickCurrentRound,
  roundPhase,
} from '../../core/domain/voting';
import { AppError, ERROR_MESSAGES } from '../../core/errors';
import { recordAudit } from '../runtime/audit';
import type { HandlerContext } from '../runtime/context';
import { assertCleanText } from '../runtime/content';
import { findAll, inTransaction, withoutId } from '../runtime/db';
import { findPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { countRound } from './results';
import { heldBy, loadStandings } from './standing';
import {
  BALLOTS,
  OBJECTIONS,
  PROJECTS,
  PROPOSALS,
  ROUNDS,
  findBallot,
  findProposal,
  findRound,
  ids,
  menuItemOf,
  NOT_YET_COUNTED,
  votingSettings,
  type BallotFields,
  type MenuItem,
  type ObjectionFields,
  type ProposalFields,
  type RoundDoc,
  type RoundFields,
} from './store';
import { toObjectionView, toReceipt, toResultsView, toRoundSummary, viewerOf } from './views';

const HIDDEN_TITLE = '该提议已被隐藏';

export async function roundView(ctx: HandlerContext, round: RoundDoc): Promise<RoundView> {
  const viewer = viewerOf(ctx);
  const phase = roundPhase(round, ctx.now);
  const _ = ctx.db.command;
  const menuIds = round.menu.map((m) => m.proposalId);
  const closed = phase === 'publicity' || phase === 'final';
  const live = round.liveResults && (phase === 'voting' || phase === 'counting');
  const winners = (round.results?.entries ?? []).filter((e) => e.outcome === 'won').map((e) => e.proposalId);
  const [ballot, hidden, objections, liveResults, projects] = await Promise.all([
    findBallot(ctx.db, round._id, ctx.caller._id),
    findAll<ProposalFields>(
      ctx.db
        .collection(PROPOSALS)
        .where({ _id: _.in(menuIds), hidden: true })
        .field({ _id: true }),
      menuIds.length || 1,
    ),
    closed
      ? findAll<ObjectionFields>(
          ctx.db.collection(OBJECTIONS).where({ roundId: round._id }).orderBy('createdAt', 'asc'),
          1000,
        )
      : Promise.resolve([]),
    live ? countRound(ctx.db, round) : Promise.resolve(null),
    viewer.isStaff && phase === 'final' && winners.length
      ? findAll<{ proposalId: string }>(
          ctx.db.collection(PROJECTS).where({ _id: _.in(winners.map(ids.project)) }),
          winners.length,
        )
      : Promise.resolve([]),
  ]);
  const hiddenIds = new Set(hidden.map((p) => p._id));
  const summary = toRoundSummary(round, ctx.caller, ballot !== null, ctx.now);
  const results = closed && round.results ? round.results : liveResults;
  const editable =
    viewer.isStaff && round.status === 'open' && ctx.now < round.startAt - FREEZE_BEFORE_START_MS;
  return {
    ...summary,
    description: round.description,
    tieBreakText: TIE_BREAK_TEXT,
    publicityDays: round.publicityDays,
    closedAt: round.closedAt,
    finalizedAt: round.finalizedAt,
    cancelReason: round.cancelReason,
    menu: round.menu.map((m) => ({
      proposalId: m.proposalId as RoundView['menu'][number]['proposalId'],
      title: hiddenIds.has(m.proposalId) ? HIDDEN_TITLE : m.title,
      description: hiddenIds.has(m.proposalId) ? '' : m.description,
      category: m.category,
      estimatedCost: m.estimatedCost,
      supportCount: m.supportCount,
      hidden: hiddenIds.has(m.proposalId),
    })),
    myBallot: ballot ? toReceipt(round, ballot) : null,
    resultsVisible: results !== null,
    results: results
      ? toResultsView(round, results, { provisional: !closed, final: phase === 'final' })
      : null,
    objections: objections.map((o) => toObjectionView(o, viewer)),
    unansweredObjections: objections.filter((o) => o.answeredAt === null).length,
    mayObject:
      phase === 'publicity' &&
      ctx.now < (round.publicityEndsAt ?? 0) &&
      !objections.some((o) => o.userId === ctx.caller._id),
    mayEdit: editable,
    mayCancel: editable,
    mayRecordPaper: viewer.isStaff && phase === 'voting',
    projectableIds: winners
      .filter((id) => !projects.some((p) => p.proposalId === id))
      .map((id) => id as RoundView['projectableIds'][number]),
  };
}

export const saveRound: Handler<'votes', 'saveRound'> = async (input, ctx) => {
  await assertCleanText(ctx, input.title, input.description);
  if (new Set(input.proposalIds).size !== input.proposalIds.length) {
    throw new AppError('INVALID_INPUT', '菜单中有重复的提议');
  }
  assertRoundTimes(input.startAt, input.endAt, ctx.now);
  const settings = await votingSettings(ctx.db);
  const candidates = input.proposalIds.length
    ? await findAll<ProposalFields>(
        ctx.db.collection(PROPOSALS).where({ _id: ctx.db.command.in(input.proposalIds) }),
        input.proposalIds.length,
      )
    : [];
  // Supports only ever grow, so counts read before the transaction are safe to check against.
  const standings = await loadStandings(ctx.db, candidates, ctx.caller._id);

  const saved = await inTransaction(ctx.db, async (tx): Promise<RoundDoc> => {
    const existing = input.roundId ? await findRound(tx, input.roundId) : null;
    if (input.roundId && !existing) throw new AppError('NOT_FOUND');
    if (existing) assertEditable(existing, ctx.now);
    const roundId = existing?._id ?? 'r' + randomBytes(12).toString('hex');

    const menu: MenuItem[] = [];
    for (const proposalId of input.proposalIds) {
      const p = await findProposal(tx, proposalId);
      if (!p) throw new AppError('NOT_FOUND');
      const holder = p.roundId && p.roundId !== roundId ? await findRound(tx, p.roundId) : null;
      const supportCount = standings.counts.get(p._id) ?? 0;
      const problem = menuProblem({
        status: p.status,
        hidden: p.hidden,
        supportCount,
        threshold: settings.supportThreshold,
        round: heldBy(holder, p._id, ctx.now),
        hasProject: standings.withProject.has(p._id),
      });
      if (problem) throw new AppError(problem, `「${p.title}」${ERROR_MESSAGES[problem]}`);
      menu.push(menuItemOf(p, supportCount));
    }
    assertMenuFits(input.rule, menu);

    const kept = new Set<string>(input.proposalIds);
    const released = (existing?.menu ?? []).filter((m) => !kept.has(m.proposalId));
    for (const m of released) {
      await tx
        .collection(PROPOSALS)
        .doc(m.proposalId)
        .update({ data: { roundId: null, updatedAt: ctx.now } });
    }
    for (const m of menu) {
      await tx
        .collection(PROPOSALS)
        .doc(m.proposalId)
        .update({ data: { roundId, updatedAt: ctx.now } });
    }
    const round: RoundDoc = {
      _id: roundId,
      title: input.title,
      description: input.description ?? '',
      menu,
      rule: input.rule,
      eligibility: input.eligibility,
      liveResults: input.liveResults,
      startAt: input.startAt,
      endAt: input.endAt,
      publicityDays: input.publicityDays ?? existing?.publicityDays ?? settings.publicityDays,
      ...NOT_YET_COUNTED,
      createdBy: existing?.createdBy ?? ctx.caller._id,
      createdAt: existing?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    await tx
      .collection(ROUNDS)
      .doc(roundId)
      .set({ data: withoutId(round) });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: existing ? 'round.edit' : 'round.open',
      targetId: roundId,
      detail: `${input.rule.kind === 'approval' ? `限选${input.rule.maxChoices}项` : `预算${input.rule.budget}元`}，菜单 ${menu.length} 项`,
      at: ctx.now,
    });
    return round;
  });
  return roundView(ctx, saved);
};

/** Cancelled rounds release their proposals: the rules treat a cancelled round as holding nothing. */
export const cancelRound: Handler<'votes', 'cancelRound'> = async (input, ctx) => {
  const cancelled = await inTransaction(ctx.db, async (tx): Promise<RoundDoc> => {
    const round = await findRound(tx, input.roundId);
    if (!round) throw new AppError('NOT_FOUND');
    assertEditable(round, ctx.now);
    const changes = { status: 'cancelled' as const, cancelReason: input.reason, updatedAt: ctx.now };
    await tx.collection(ROUNDS).doc(round._id).update({ data: changes });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'round.cancel',
      targetId: round._id,
      detail: input.reason,
      at: ctx.now,
    });
    return { ...round, ...changes };
  });
  return roundView(ctx, cancelled);
};

/** Which of `rounds` the caller has cast a ballot in (one query, for a list's summaries). */
async function votedIn(ctx: HandlerContext, rounds: readonly RoundDoc[]): Promise<Set<string>> {
  if (rounds.length === 0) return new Set();
  const mine = await findAll<BallotFields>(
    ctx.db
      .collection(BALLOTS)
      .where({ userId: ctx.caller._id, roundId: ctx.db.command.in([...new Set(rounds.map((r) => r._id))]) })
      .field({ roundId: true }),
    rounds.length,
  );
  return new Set(mine.map((b) => b.roundId));
}

/** The rounds not yet final nor cancelled: a handful at any time, the current one among them. */
const unfinishedRounds = (ctx: HandlerContext) =>
  findAll<RoundFields>(ctx.db.collection(ROUNDS).where({ status: 'open', finalizedAt: null }));

/** The round the votes page (and the home page) leads with, for the caller; null when none. */
export async function currentRound(ctx: HandlerContext): Promise<RoundSummary | null> {
  const unfinished = await unfinishedRounds(ctx);
  const voted = await votedIn(ctx, unfinished);
  return pickCurrentRound(unfinished.map((r) => toRoundSummary(r, ctx.caller, voted.has(r._id), ctx.now)));
}

/**
 * Rounds newest first, a page at a time, and the one the 点菜 home leads with. That one is picked
 * among the rounds not yet final nor cancelled — a handful at any time (staff open a few a year),
 * so they are read whole, whatever page is asked for.
 */
export const rounds: Handler<'votes', 'rounds'> = async (input, ctx) => {
  const [page, unfinished] = await Promise.all([
    findPage<RoundFields>(ctx.db, ROUNDS, {}, input, { field: 'startAt', direction: 'desc' }),
    unfinishedRounds(ctx),
  ]);
  const voted = await votedIn(ctx, [...page.items, ...unfinished]);
  const summary = (r: RoundDoc) => toRoundSummary(r, ctx.caller, voted.has(r._id), ctx.now);
  return {
    current: pickCurrentRound(unfinished.map(summary)),
    items: page.items.map(summary),
    next: page.next,
  };
};

export const round: Handler<'votes', 'round'> = async (input, ctx) => {
  const found = await findRound(ctx.db, input.roundId);
  if (!found) throw new AppError('NOT_FOUND');
  return roundView(ctx, found);
};
