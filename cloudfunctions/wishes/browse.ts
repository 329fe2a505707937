/** Reading wishes: the wall, one wish, 我的心愿, 我认领的, and the staff queue and board. */
import type { StaffBucket, WishCursor } from '../../core/contract';
import { mayViewWish, PUBLIC_STATUSES, WALL_FILTER_STATUSES } from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import { startOfMonth, type EpochMs } from '../../core/time';
import type { HandlerContext } from '../runtime/context';
import { findAll, type Database } from '../runtime/db';
import { countWhere } from '../runtime/count';
import type { Handler } from '../runtime/router';
import { REPORTS } from '../moderation/store';
import {
  WISHES,
  WISH_CLAIMS,
  findWish,
  stateOf,
  type ClaimDoc,
  type WishDoc,
  type WishFields,
} from './store';
import { toClaimView, toWishView, viewerOf } from './views';

type SortField = 'publishedAt' | 'dueAt' | 'createdAt' | 'closedAt' | 'hiddenAt' | 'reviewedAt' | 'claimedAt';

export interface Listing {
  where: object;
  field: SortField;
  dir: 'asc' | 'desc';
}

const DEFAULT_PAGE = 20;

/**
 * One page of a listing, ordered by `field` then id (so equal values — many wishes approved in
 * one sitting — are neither skipped nor repeated at a page boundary).
 */
async function pageOf<T extends { _id: string }>(
  db: Database,
  collection: string,
  listing: Listing,
  cursor: WishCursor | undefined,
  limit: number,
): Promise<{ docs: T[]; next: WishCursor | null }> {
  const _ = db.command;
  const { field, dir } = listing;
  const beyond = (value: number | string) => (dir === 'asc' ? _.gt(value) : _.lt(value));
  const where = cursor
    ? _.and([
        listing.where,
        _.or([{ [field]: beyond(cursor.at) }, { [field]: cursor.at, _id: beyond(cursor.id) }]),
      ])
    : listing.where;
  const res = (await db
    .collection(collection)
    .where(where)
    .orderBy(field, dir)
    .orderBy('_id', dir)
    .limit(limit)
    .get()) as unknown as { data: T[] };
  const last = res.data[res.data.length - 1] as (T & Record<SortField, number | null>) | undefined;
  return {
    docs: res.data,
    next: res.data.length === limit && last ? { at: last[field] ?? 0, id: last._id } : null,
  };
}

async function wishPage(ctx: HandlerContext, listing: Listing, cursor?: WishCursor, limit = DEFAULT_PAGE) {
  const [{ docs, next }, viewer] = await Promise.all([
    pageOf<WishDoc>(ctx.db, WISHES, listing, cursor, limit),
    viewerOf(ctx),
  ]);
  return { wishes: docs.map((w) => toWishView(w, viewer, ctx.now)), next };
}

export const wall: Handler<'wishes', 'wall'> = async (input, ctx) => {
  const _ = ctx.db.command;
  const statuses = input.status ? WALL_FILTER_STATUSES[input.status] : PUBLIC_STATUSES;
  const base = {
    status: _.in([...statuses]),
    hidden: false,
    ...(input.category ? { category: input.category } : {}),
  };
  const listing: Listing =
    input.order === 'dueSoon'
      ? { where: { ...base, dueAt: _.gt(ctx.now) }, field: 'dueAt', dir: 'asc' }
      : { where: base, field: 'publishedAt', dir: 'desc' };
  return wishPage(ctx, listing, input.cursor, input.limit);
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
  const { docs, next } = await pageOf<ClaimDoc>(
    ctx.db,
    WISH_CLAIMS,
    { where: { memberId: ctx.caller._id }, field: 'claimedAt', dir: 'desc' },
    input.cursor,
    input.limit ?? DEFAULT_PAGE,
  );
  const ids = [...new Set(docs.map((c) => c.wishId))];
  const [wishes, viewer] = await Promise.all([
    ids.length
      ? findAll<WishFields>(ctx.db.collection(WISHES).where({ _id: ctx.db.command.in(ids) }), ids.length)
      : [],
    viewerOf(ctx),
  ]);
  const byId = new Map(wishes.map((w) => [w._id, w]));
  const rows = docs.flatMap((claim: ClaimDoc) => {
    const wish = byId.get(claim.wishId);
    return wish ? [{ claim: toClaimView(claim), wish: toWishView(wish, viewer, ctx.now) }] : [];
  });
  return { rows, next };
};

/** What each bucket of the staff board holds, and in which order staff work through it. */
export function bucketListing(db: Database, bucket: StaffBucket, now: EpochMs): Listing {
  const _ = db.command;
  switch (bucket) {
    case 'pending':
      // The review queue: first come, first served (hidden ones too, so staff can reject them).
      return { where: { status: 'pending' }, field: 'createdAt', dir: 'asc' };
    case 'open':
      return { where: { status: 'open', hidden: false, dueAt: _.gt(now) }, field: 'dueAt', dir: 'asc' };
    case 'claimed':
      // Being worked on: claimed and still due, or fulfilled and waiting for confirmation.
      return {
        where: _.or([{ status: 'claimed', dueAt: _.gt(now) }, { status: 'fulfilled' }]),
        field: 'dueAt',
        dir: 'asc',
      };
    case 'overdue':
      return {
        where: { status: _.in(['open', 'claimed']), hidden: false, dueAt: _.lte(now) },
        field: 'dueAt',
        dir: 'asc',
      };
    case 'done':
      return {
        where: { status: 'closed', closedAt: _.gte(startOfMonth(now)) },
        field: 'closedAt',
        dir: 'desc',
      };
    case 'hidden':
      return { where: { hidden: true }, field: 'hiddenAt', dir: 'desc' };
    case 'rejected':
      return { where: { status: 'rejected' }, field: 'reviewedAt', dir: 'desc' };
  }
}

export const staffList: Handler<'wishes', 'staffList'> = async (input, ctx) =>
  wishPage(ctx, bucketListing(ctx.db, input.bucket, ctx.now), input.cursor, input.limit);

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
