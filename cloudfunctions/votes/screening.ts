/**
 * Staff screening of proposals: accept into the 需求清单, decline with a public reason, or merge a
 * duplicate into the proposal that carries it on. Each decision is audited and its author told, in
 * the transaction of the decision.
 */
import { mergeProblem } from '../../core/domain/voting';
import { AppError } from '../../core/errors';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { inTransaction } from '../runtime/db';
import { findPage } from '../runtime/paging';
import { queueNotification } from '../runtime/notifications';
import type { Handler } from '../runtime/router';
import { notices } from './notices';
import { proposalPage, proposalView } from './proposals';
import { heldBy } from './standing';
import {
  PROPOSALS,
  findProject,
  findProposal,
  findRound,
  ids,
  votingSettings,
  writeVotingSettings,
  type ProposalDoc,
  type ProposalFields,
} from './store';

/** Oldest first: the one waiting longest is screened first. */
export const pendingProposals: Handler<'votes', 'pendingProposals'> = async (input, ctx) =>
  proposalPage(
    ctx,
    await findPage<ProposalFields>(ctx.db, PROPOSALS, { status: 'pending' }, input, {
      field: 'createdAt',
      direction: 'asc',
    }),
  );

export const screenProposal: Handler<'votes', 'screenProposal'> = async (input, ctx) => {
  const reason = input.reason ?? '';
  if (!input.accept && !reason) throw new AppError('PROPOSAL_REASON_REQUIRED');
  await assertCleanText(ctx, reason);
  const screened = await inTransaction(ctx.db, async (tx): Promise<ProposalDoc> => {
    const found = await findProposal(tx, input.proposalId);
    if (!found) throw new AppError('NOT_FOUND');
    if (found.status !== 'pending') throw new AppError('PROPOSAL_DECIDED');
    const changes = {
      status: input.accept ? ('accepted' as const) : ('declined' as const),
      decisionReason: reason,
      decidedBy: ctx.caller._id,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.collection(PROPOSALS).doc(found._id).update({ data: changes });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: input.accept ? 'proposal.accept' : 'proposal.decline',
      targetId: found._id,
      detail: reason,
      at: ctx.now,
    });
    const decided = { ...found, ...changes };
    await queueNotification(tx, notices.screened(decided, input.accept, reason), ctx.now);
    return decided;
  });
  return proposalView(ctx, screened);
};

/**
 * The survivor's `supportIds` takes in the duplicate's (and whatever had been merged into it), so
 * their supports count for the survivor — each resident once — without copying a row. Proposals
 * merged into the duplicate earlier now link straight to the survivor.
 */
export const mergeProposal: Handler<'votes', 'mergeProposal'> = async (input, ctx) => {
  if (input.proposalId === input.intoId) throw new AppError('PROPOSAL_MERGE_INVALID', '不能与自身合并');
  await assertCleanText(ctx, input.reason);
  const survivor = await inTransaction(ctx.db, async (tx): Promise<ProposalDoc> => {
    const source = await findProposal(tx, input.proposalId);
    const target = await findProposal(tx, input.intoId);
    if (!source || !target) throw new AppError('NOT_FOUND');
    if (target.status !== 'accepted' || target.hidden) throw new AppError('PROPOSAL_MERGE_INVALID');
    const round = source.roundId ? await findRound(tx, source.roundId) : null;
    const problem = mergeProblem({
      status: source.status,
      supportCount: 0,
      threshold: 0,
      round: heldBy(round, source._id, ctx.now),
      hasProject: Boolean(await findProject(tx, ids.project(source._id))),
    });
    if (problem) throw new AppError(problem);

    const reason = input.reason || `与「${target.title}」内容重复，已合并`;
    const merged = {
      status: 'merged' as const,
      mergedInto: target._id,
      decisionReason: reason,
      decidedBy: ctx.caller._id,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
    };
    const supportIds = [...new Set([...target.supportIds, ...source.supportIds])];
    await tx.collection(PROPOSALS).doc(source._id).update({ data: merged });
    await tx
      .collection(PROPOSALS)
      .doc(target._id)
      .update({ data: { supportIds, updatedAt: ctx.now } });
    for (const earlier of source.supportIds.filter((id) => id !== source._id)) {
      await tx
        .collection(PROPOSALS)
        .doc(earlier)
        .update({ data: { mergedInto: target._id, updatedAt: ctx.now } });
    }
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'proposal.merge',
      targetId: source._id,
      detail: `→ ${target._id}：${reason}`,
      at: ctx.now,
    });
    await queueNotification(tx, notices.merged({ ...source, ...merged }, target), ctx.now);
    return { ...target, supportIds };
  });
  return proposalView(ctx, survivor);
};

export const votingSettingsHandler: Handler<'votes', 'votingSettings'> = async (_input, ctx) =>
  votingSettings(ctx.db);

export const saveVotingSettings: Handler<'votes', 'saveVotingSettings'> = async (input, ctx) => {
  const settings = { supportThreshold: input.supportThreshold, publicityDays: input.publicityDays };
  await inTransaction(ctx.db, async (tx) => {
    await writeVotingSettings(tx, settings);
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'votes.settings',
      targetId: 'votes',
      detail: `附议门槛 ${settings.supportThreshold}，公示 ${settings.publicityDays} 天`,
      at: ctx.now,
    });
  });
  return settings;
};
