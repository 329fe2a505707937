/** Reading wishes: the wall, one wish, 我的心愿, 我认领的, and the staff queue and board. */
import type { StaffBucket } from '../../core/contract';
import { mayViewWish, PUBLIC_STATUSES, WALL_FILTER_STATUSES } from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import { startOfMonth, type EpochMs } from '../../core/time';
import type { HandlerContext } from '../runtime/context';
import { findAll, type Database } from '../runtime/db';
import { countWhere } from '../runtime/count';
import { findPage, mapPage, type PageOrder, type PageRequest } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { REPORTS } from '../moderation/store';
import { WISHES, WISH_CLAIMS, findWish, stateOf, type ClaimFields, type WishFields } from './store';
import { toClaimView, toWishView, viewerOf } from './views';

/** What a list of wishes holds and in which order (a time, then the id: ties are neither skipped nor repeated). */
export interface Listing {
  where: object;
  order: PageOrder;
}

const by = (field: string, direction: PageOrder['direction']): PageOrder => ({ field, direction });

async function wishPage(ctx: HandlerContext, listing: Listing, request: PageRequest) {
  const [page, viewer] = await Promise.all([
    findPage<WishFields>(ctx.db, WISHES, listing.where, request, listing.order),
    viewerOf(ctx),
  ]);
  return mapPage(page, (w) => toWishView(w, viewer, ctx.now));
}

/**
 * 待认领: open wishes on the wall that a member may take up now. A wish whose wanted-by date has
 * passed (e.g. its claim ran out) stays on the wall as 已逾期 until staff move the date, but is
 * not waiting for a claim: nobody may claim it (`claimRefusal`).
 */
export function claimableWhere(db: Database, now: EpochMs) {
  return { status: 'open', hidden: false, dueAt: db.command.gt(now) };
}

export const wall: Handler<'wishes', 'wall'> = async (input, ctx) => {
  const _ = ctx.db.command;
  const statuses = input.status ? WALL_FILTER_STATUSES[input.status] : PUBLIC_STATUSES;
  const base = {
    ...(input.status === 'open'
      ? claimableWhere(ctx.db, ctx.now)
      : { status: _.in([...statuses]), hidden: false }),
    ...(input.category ? { category: input.category } : {}),
  };
  const listing: Listing =
    input.order === 'dueSoon'
      ? { where: { ...base, dueAt: _.gt(ctx.now) }, order: by('dueAt', 'asc') }
      : { where: base, order: by('publishedAt', 'desc') };
  return wishPage(ctx, listing, input);
};

export const get: Handler<'wishes', 'get'> = async (input, ctx) => {
  const wish = await findWish(ctx.db, input.wishId);
  if (!wish || !mayViewWish(stateOf(wish), { id: ctx.caller._id, roles: ctx.roles }))
    throw new AppError('NOT_FOUND');
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const mine: Handler<'wishes', 'mine'> = async (_input, ctx) => {
  const _ = ctx.db.command;
  const me = ctx.caller._id;
  const [wishes, viewer] = await Promise.all([
    findAll<WishFields>(
      ctx.db
        .collection(WISHES)
        .where(_.or([{ recipientId: me }, { postedBy: me }]))
        .orderBy('createdAt', 'desc'),
      200,
    ),
    viewerOf(ctx),
  ]);
  return wishes.map((w) => toWishView(w, viewer, ctx.now));
};

export const claimed: Handler<'wishes', 'claimed'> = async (input, ctx) => {
  const page = await findPage<ClaimFields>(
    ctx.db,
    WISH_CLAIMS,
    { memberId: ctx.caller._id },
    input,
    by('claimedAt', 'desc'),
  );
  const ids = [...new Set(page.items.map((c) => c.wishId))];
  const [wishes, viewer] = await Promise.all([
    ids.length
      ? findAll<WishFields>(ctx.db.collection(WISHES).where({ _id: ctx.db.command.in(ids) }), ids.length)
      : [],
    viewerOf(ctx),
  ]);
  const byId = new Map(wishes.map((w) => [w._id, w]));
  // A claim's wish is never deleted; were one missing, its claim is left out rather than shown blank.
  const items = page.items.flatMap((claim) => {
    const wish = byId.get(claim.wishId);
    return wish ? [{ claim: toClaimView(claim), wish: toWishView(wish, viewer, ctx.now) }] : [];
  });
  return { items, next: page.next };
};

/** What each bucket of the staff board holds, and in which order staff work through it. */
export function bucketListing(db: Database, bucket: StaffBucket, now: EpochMs): Listing {
  const _ = db.command;
  switch (bucket) {
    case 'pending':
      // The review queue: first come, first served (hidden ones too, so staff can reject them).
      return { where: { status: 'pending' }, order: by('createdAt', 'asc') };
    case 'open':
      return { where: claimableWhere(db, now), order: by('dueAt', 'asc') };
    case 'claimed':
      // Being worked on: claimed and still due, or fulfilled and waiting for confirmation.
      return {
        where: _.or([{ status: 'claimed', dueAt: _.gt(now) }, { status: 'fulfilled' }]),
        order: by('dueAt', 'asc'),
      };
    case 'overdue':
      return {
        where: { status: _.in(['open', 'claimed']), hidden: false, dueAt: _.lte(now) },
        order: by('dueAt', 'asc'),
      };
    case 'done':
      return {
        where: { status: 'closed', closedAt: _.gte(startOfMonth(now)) },
        order: by('closedAt', 'desc'),
      };
    case 'hidden':
      return { where: { hidden: true }, order: by('hiddenAt', 'desc') };
    case 'rejected':
      return { where: { status: 'rejected' }, order: by('reviewedAt', 'desc') };
  }
}

export const staffList: Handler<'wishes', 'staffList'> = async (input, ctx) =>
  wishPage(ctx, bucketListing(ctx.db, input.bucket, ctx.now), input);

export const board: Handler<'wishes', 'board'> = async (_input, ctx) => {
  const count = (bucket: StaffBucket) =>
    countWhere(ctx.db, WISHES, bucketListing(ctx.db, bucket, ctx.now).where);
  const [pending, open, claimedCount, overdue, doneThisMonth, hidden, openReports] = await Promise.all([
    count('pending'),
    count('open'),
    count('claimed'),
    count('overdue'),
    count('done'),
    count('hidden'),
    countWhere(ctx.db, REPORTS, { targetKind: 'wish', status: 'open' }),
  ]);
  return { pending, open, claimed: claimedCount, overdue, doneThisMonth, hidden, openReports };
};
