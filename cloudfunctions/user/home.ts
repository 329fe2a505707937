/**
 * 首页 in one answer: an old phone on a slow network asks once for the whole first screen, not
 * once per section. It is an action of the `user` function because the app's launch has just
 * called `user.login`: on CloudBase that function's instance is warm, while a function of its
 * own would put a cold start in front of the first screen. It only reads, every section in
 * parallel, through the features' own stores and views, so the home page shows exactly what
 * their pages would (the same badges, the same masked names, the same current round).
 */
import { HOME_LIMITS, type HomeView } from '../../core/contract';
import { totalWaiting } from '../../core/domain/dashboard';
import { WISH_CATEGORY_LABELS } from '../../core/domain/wishes';
import { countWhere } from '../runtime/count';
import type { HandlerContext } from '../runtime/context';
import { NOTIFICATIONS } from '../runtime/notifications';
import { findPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { waitingCounts } from '../dashboard/workbench';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  type EventFields,
  type ParticipationDoc,
  type ParticipationFields,
} from '../events/store';
import { toEventView } from '../events/views';
import { GOODS, type GoodsFields } from '../mall/store';
import { toGoodsView } from '../mall/views';
import { loadAccount } from '../points/ledger';
import { currentRound } from '../votes/rounds';
import { claimableWhere } from '../wishes/browse';
import { WISHES, type WishFields } from '../wishes/store';
import { unreadCondition } from './notifications';

const first = <T>(
  ctx: HandlerContext,
  collection: string,
  where: object,
  limit: number,
  field: string,
  direction: 'asc' | 'desc',
) => findPage<T>(ctx.db, collection, where, { limit }, { field, direction }).then((page) => page.items);

/** The caller's sign-ups for these events, by event. */
async function signupsFor(ctx: HandlerContext, eventIds: string[]): Promise<Map<string, ParticipationDoc>> {
  if (eventIds.length === 0) return new Map();
  const rows = await first<ParticipationFields>(
    ctx,
    PARTICIPATIONS,
    { userId: ctx.caller._id, eventId: ctx.db.command.in(eventIds) },
    eventIds.length,
    'eventStartAt',
    'asc',
  );
  return new Map(rows.map((p) => [p.eventId, p]));
}

export const home: Handler<'user', 'home'> = async (_input, ctx) => {
  const _ = ctx.db.command;
  const openWishes = claimableWhere(ctx.db, ctx.now);
  const [account, upcoming, [mine], goods, latestWishes, openCount, round, unread, waiting] =
    await Promise.all([
      loadAccount(ctx.db, ctx.caller._id),
      first<EventFields>(
        ctx,
        EVENTS,
        { status: 'published', endAt: _.gte(ctx.now) },
        HOME_LIMITS.events,
        'startAt',
        'asc',
      ),
      // The next event the caller holds a seat for: under way, or the soonest to come.
      first<ParticipationFields>(
        ctx,
        PARTICIPATIONS,
        { userId: ctx.caller._id, status: 'confirmed', eventEndAt: _.gte(ctx.now) },
        1,
        'eventStartAt',
        'asc',
      ),
      first<GoodsFields>(ctx, GOODS, { onShelf: true }, HOME_LIMITS.goods, 'createdAt', 'desc'),
      first<WishFields>(ctx, WISHES, openWishes, HOME_LIMITS.wishes, 'publishedAt', 'desc'),
      countWhere(ctx.db, WISHES, openWishes),
      currentRound(ctx),
      countWhere(ctx.db, NOTIFICATIONS, unreadCondition(ctx)),
      ctx.roles.includes('staff') ? waitingCounts(ctx.db, ctx.now) : null,
    ]);
  const [nextDoc, signups] = await Promise.all([
    mine ? (upcoming.find((e) => e._id === mine.eventId) ?? findEvent(ctx.db, mine.eventId)) : null,
    signupsFor(
      ctx,
      upcoming.map((e) => e._id),
    ),
  ]);
  const view: HomeView = {
    balance: account.balance,
    nextEvent: nextDoc && mine ? toEventView(nextDoc, ctx.now, ctx.caller, mine) : null,
    events: upcoming.map((e) => toEventView(e, ctx.now, ctx.caller, signups.get(e._id) ?? null)),
    goods: goods.map(toGoodsView),
    wishes: {
      open: openCount,
      latest: latestWishes.map((w) => ({
        id: w._id as HomeView['wishes']['latest'][number]['id'],
        title: w.title,
        categoryLabel: WISH_CATEGORY_LABELS[w.category],
        recipient: w.recipientMasked,
        publishedAt: w.publishedAt ?? w.createdAt,
      })),
    },
    round,
    unreadMessages: unread,
    workbenchWaiting: waiting ? totalWaiting(waiting) : null,
  };
  return view;
};
