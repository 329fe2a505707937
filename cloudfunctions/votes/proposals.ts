/**
 * 需求征集: residents propose needs and support (附议) them. Nothing here writes points, prizes or
 * rankings: taking part in community decisions is never rewarded (WeChat refuses 有偿投票).
 */
import { supportProblem } from '../../core/domain/voting';
import { AppError } from '../../core/errors';
import type { HandlerContext } from '../runtime/context';
import { submitImages } from '../moderation/images';
import { assertCleanText } from '../runtime/content';
import { findById, inTransaction } from '../runtime/db';
import { findPage, type Page } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { loadStandings } from './standing';
import {
  PROPOSALS,
  SUPPORTS,
  findProposal,
  ids,
  type ProposalDoc,
  type ProposalFields,
  type SupportFields,
} from './store';
import { mayView, toProposalView, viewerOf } from './views';

/** Views for a list of proposals, with their standings loaded once for all of them. */
export async function proposalViews(ctx: HandlerContext, proposals: ProposalDoc[]) {
  const standings = await loadStandings(ctx.db, proposals, ctx.caller._id);
  const viewer = viewerOf(ctx);
  return proposals.map((p) => toProposalView(p, viewer, standings));
}

export async function proposalView(ctx: HandlerContext, proposal: ProposalDoc) {
  return (await proposalViews(ctx, [proposal]))[0];
}

/** A page of proposals as a page of views. */
export async function proposalPage(ctx: HandlerContext, page: Page<ProposalFields>) {
  return { items: await proposalViews(ctx, page.items), next: page.next };
}

export const propose: Handler<'votes', 'propose'> = async (input, ctx) => {
  await assertCleanText(ctx, input.title, input.description, input.location);
  const id = ids.proposal(ctx.caller._id, input.requestId);
  let created = false;
  const proposal = await inTransaction(ctx.db, async (tx): Promise<ProposalDoc> => {
    created = false; // a re-run after a conflict starts over
    const existing = await findProposal(tx, id);
    if (existing) {
      // The same request again (a retried tap) is the same proposal.
      if (existing.title !== input.title) throw new AppError('REQUEST_REUSED');
      return existing;
    }
    const fields: ProposalFields = {
      title: input.title,
      description: input.description,
      category: input.category,
      estimatedCost: input.estimatedCost ?? null,
      location: input.location ?? '',
      photos: (input.photos ?? []).filter(Boolean),
      authorId: ctx.caller._id,
      authorName: ctx.caller.nickname,
      status: 'pending',
      decisionReason: '',
      decidedBy: null,
      decidedAt: null,
      mergedInto: null,
      supportIds: [id],
      roundId: null,
      hidden: false,
      hiddenReason: '',
      hiddenAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.collection(PROPOSALS).doc(id).set({ data: fields });
    created = true;
    return { _id: id, ...fields };
  });
  // Every photo is judged too; a risky verdict, arriving later, hides the proposal.
  if (created) await submitImages(ctx, { kind: 'proposal', id }, proposal.photos);
  return proposalView(ctx, proposal);
};

/**
 * 需求清单, newest first, a page at a time. Hidden proposals never appear. Support counts are
 * aggregations (a stored count would make the proposal a document every support writes), so the
 * list cannot be ordered by them; each item shows its count against the threshold.
 */
export const proposals: Handler<'votes', 'proposals'> = async (input, ctx) => {
  const where = {
    status: input.status ?? 'accepted',
    hidden: false,
    ...(input.category ? { category: input.category } : {}),
  };
  return proposalPage(ctx, await findPage<ProposalFields>(ctx.db, PROPOSALS, where, input));
};

export const myProposals: Handler<'votes', 'myProposals'> = async (input, ctx) =>
  proposalPage(ctx, await findPage<ProposalFields>(ctx.db, PROPOSALS, { authorId: ctx.caller._id }, input));

export const proposal: Handler<'votes', 'proposal'> = async (input, ctx) => {
  const found = await findProposal(ctx.db, input.proposalId);
  if (!found || !mayView(found, viewerOf(ctx))) throw new AppError('NOT_FOUND');
  return proposalView(ctx, found);
};

/**
 * One support per resident and proposal: its id is `s_<proposal>_<resident>`, so two concurrent
 * supports write the same document and one of them re-runs and finds it. A resident who supported a
 * proposal merged into this one already counts here.
 */
export const support: Handler<'votes', 'support'> = async (input, ctx) => {
  const userId = ctx.caller._id;
  const supported = await inTransaction(ctx.db, async (tx) => {
    const found = await findProposal(tx, input.proposalId);
    if (!found || !mayView(found, viewerOf(ctx))) throw new AppError('NOT_FOUND');
    const problem = supportProblem(found);
    if (problem) throw new AppError(problem);
    for (const proposalId of found.supportIds) {
      if (await findById<SupportFields>(tx, SUPPORTS, ids.support(proposalId, userId))) {
        throw new AppError('PROPOSAL_ALREADY_SUPPORTED');
      }
    }
    const row: SupportFields = { proposalId: found._id, userId, createdAt: ctx.now };
    await tx.collection(SUPPORTS).doc(ids.support(found._id, userId)).set({ data: row });
    return found;
  });
  return proposalView(ctx, supported);
};
