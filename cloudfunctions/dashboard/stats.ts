/**
 * 数据看板. Every monthly figure is one aggregation over the rows themselves — participations,
 * ledger entries, wishes, claims, proposals, ballots — matched to the twelve months by an indexed
 * time field and grouped into one bucket per month by the database, which answers twelve rows.
 * No counter is kept in the transactions that change these rows: a monthly total every sign-up or
 * redemption wrote would be the hottest document of all (see docs/architecture.md). The cost of a
 * call grows with a year's rows, not with the history, and the figures equal a recount of the
 * rows by construction (tests/functions/dashboard.test.ts recounts them).
 */
import type { DashboardView } from '../../core/contract';
import { DASHBOARD_MONTHS, LOW_STOCK_AT, type SeriesKey } from '../../core/domain/dashboard';
import { recentMonths } from '../../core/time';
import { countWhere } from '../runtime/count';
import type { Database } from '../runtime/db';
import { monthly, type Window } from '../runtime/monthly';
import type { Handler } from '../runtime/router';
import { EVENTS, PARTICIPATIONS } from '../events/store';
import { GOODS, type GoodsFields } from '../mall/store';
import { ACCOUNTS, ENTRIES } from '../points/ledger';
import { BALLOTS, PROJECTS, PROPOSALS, ROUNDS, type RoundFields } from '../votes/store';
import { bucketListing } from '../wishes/browse';
import { WISHES, WISH_CLAIMS } from '../wishes/store';

/** Rounds listed with their turnout, newest first: a year has a few; more are said to exist. */
const TURNOUT_ROUNDS = 20;
const LOW_STOCK_LISTED = 20;

async function totalBalance(db: Database): Promise<number> {
  const $ = db.command.aggregate;
  const res = (await db
    .collection(ACCOUNTS)
    .aggregate()
    .group({ _id: null, total: $.sum('$balance') })
    .end()) as unknown as { list: { total: number }[] };
  return res.list[0]?.total ?? 0;
}

/**
 * The ledger by month: points issued (every credit but a refund, which undoes a redemption),
 * redeemed (debits for goods less their refunds) and the net change, from which the balance at
 * each month's end follows: today's total less everything entered after that month.
 */
async function ledger(db: Database, window: Window) {
  const $ = db.command.aggregate;
  const spending = ['redeem', 'refund'];
  const [byMonth, balance] = await Promise.all([
    monthly(
      db,
      window,
      ENTRIES,
      'createdAt',
      {},
      {
        issued: $.sum(
          $.cond({ if: $.and([$.gt(['$amount', 0]), $.neq(['$kind', 'refund'])]), then: '$amount', else: 0 }),
        ),
        redeemed: $.sum($.cond({ if: $.in(['$kind', spending]), then: $.subtract([0, '$amount']), else: 0 })),
        net: $.sum('$amount'),
      },
    ),
    totalBalance(db),
  ]);
  const outstanding = window.months.map(
    (_m, i) => balance - byMonth.net.slice(i + 1).reduce((a, b) => a + b, 0),
  );
  return { issued: byMonth.issued, redeemed: byMonth.redeemed, outstanding, balance };
}

async function lowStock(db: Database) {
  const where = { onShelf: true, stock: db.command.lte(LOW_STOCK_AT) };
  const [items, count] = await Promise.all([
    db
      .collection(GOODS)
      .where(where)
      .orderBy('stock', 'asc')
      .limit(LOW_STOCK_LISTED)
      .get() as unknown as Promise<{
      data: (GoodsFields & { _id: string })[];
    }>,
    countWhere(db, GOODS, where),
  ]);
  return { items: items.data.map((g) => ({ id: g._id, name: g.name, stock: g.stock })), count };
}

async function turnout(db: Database, window: Window) {
  const _ = db.command;
  const res = (await db
    .collection(ROUNDS)
    .where({ closedAt: _.gte(window.months[0].from), results: _.neq(null) })
    .orderBy('closedAt', 'desc')
    .limit(TURNOUT_ROUNDS + 1)
    .get()) as unknown as { data: (RoundFields & { _id: string })[] };
  const rounds = res.data.slice(0, TURNOUT_ROUNDS).map((r) => ({
    roundId: r._id,
    title: r.title,
    closedAt: r.closedAt ?? 0,
    voters: (r.results?.online ?? 0) + (r.results?.paper ?? 0),
    eligible: r.results?.eligible ?? 0,
  }));
  return { rounds, more: res.data.length > TURNOUT_ROUNDS };
}

export const stats: Handler<'dashboard', 'stats'> = async (_input, ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  const $ = _.aggregate;
  const months = recentMonths(now, DASHBOARD_MONTHS);
  const window: Window = { months };
  const count = { n: $.sum(1) };
  const [served, attended, held, points, posted, claimed, fulfilled, proposals, ballots, completed] =
    await Promise.all([
      // Service counts in the month the event took place, once its hours are confirmed.
      monthly(
        db,
        window,
        PARTICIPATIONS,
        'eventStartAt',
        { closedAt: _.neq(null), minutes: _.gt(0) },
        { volunteers: $.addToSet('$userId'), minutes: $.sum('$minutes') },
        ['volunteers'],
      ),
      monthly(
        db,
        window,
        PARTICIPATIONS,
        'eventStartAt',
        { status: 'confirmed', checkInAt: _.neq(null) },
        count,
      ),
      // Held: published and begun (an event later this month is not held yet).
      monthly(
        db,
        window,
        EVENTS,
        'startAt',
        { status: 'published', startAt: _.gte(months[0].from).and(_.lte(now)) },
        count,
      ),
      ledger(db, window),
      monthly(db, window, WISHES, 'createdAt', {}, count),
      monthly(db, window, WISH_CLAIMS, 'claimedAt', {}, count),
      monthly(db, window, WISHES, 'closedAt', { status: 'closed' }, count),
      monthly(db, window, PROPOSALS, 'createdAt', {}, count),
      monthly(db, window, BALLOTS, 'castAt', {}, count),
      monthly(db, window, PROJECTS, 'completedAt', { status: 'completed' }, count),
    ]);
  const [stock, wishesOverdue, proposalsPending, projectsInProgress, rounds] = await Promise.all([
    lowStock(db),
    countWhere(db, WISHES, bucketListing(db, 'overdue', now).where),
    countWhere(db, PROPOSALS, { status: 'pending' }),
    countWhere(db, PROJECTS, { status: 'in_progress' }),
    turnout(db, window),
  ]);
  const series: Record<SeriesKey, number[]> = {
    activeVolunteers: served.volunteers,
    serviceMinutes: served.minutes,
    eventsHeld: held.n,
    attendance: attended.n,
    pointsIssued: points.issued,
    pointsRedeemed: points.redeemed,
    pointsOutstanding: points.outstanding,
    wishesPosted: posted.n,
    wishesClaimed: claimed.n,
    wishesFulfilled: fulfilled.n,
    proposals: proposals.n,
    ballots: ballots.n,
    projectsCompleted: completed.n,
  };
  const view: DashboardView = {
    months,
    series,
    current: {
      lowStock: stock.items,
      lowStockCount: stock.count,
      wishesOverdue,
      proposalsPending,
      projectsInProgress,
      pointsOutstanding: points.balance,
    },
    turnout: rounds.rounds,
    moreRounds: rounds.more,
    generatedAt: now,
  };
  return view;
};
