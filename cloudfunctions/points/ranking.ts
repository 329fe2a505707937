/** 积分排行: this month's earnings or all-time totals, without residents who opted out. */
import type { RankingView } from '../../core/contract';
import { rankRows, type RankRow } from '../../core/domain/points';
import { startOfMonth } from '../../core/time';
import type { Database } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { USERS, type UserDoc } from '../runtime/users';
import { ACCOUNTS, ENTRIES } from './ledger';

const TOP = 100;
/** Kinds that count as earning: a refund undoes spending and is not a reward. */
const EARNING_KINDS = ['service', 'wish', 'adjust'];

async function monthRows(db: Database, now: number): Promise<RankRow[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(ENTRIES)
    .aggregate()
    .match({ createdAt: _.gte(startOfMonth(now)), amount: _.gt(0), kind: _.in(EARNING_KINDS) })
    .group({ _id: '$userId', points: $.sum('$amount') })
    .sort({ points: -1 })
    .limit(TOP * 2)
    .end()) as unknown as { list: { _id: string; points: number }[] };
  return res.list.map((row) => ({ userId: row._id, points: row.points }));
}

async function allTimeRows(db: Database): Promise<RankRow[]> {
  const res = (await db
    .collection(ACCOUNTS)
    .where({ earned: db.command.gt(0) })
    .orderBy('earned', 'desc')
    .limit(TOP * 2)
    .get()) as unknown as { data: { userId: string; earned: number }[] };
  return res.data.map((row) => ({ userId: row.userId, points: row.earned }));
}

export const ranking: Handler<'points', 'ranking'> = async (input, ctx) => {
  const rows = input.period === 'month' ? await monthRows(ctx.db, ctx.now) : await allTimeRows(ctx.db);
  const ids = rows.map((r) => r.userId);
  const users = ids.length
    ? (
        (await ctx.db
          .collection(USERS)
          .where({ _id: ctx.db.command.in(ids) })
          .limit(1000)
          .get()) as unknown as { data: UserDoc[] }
      ).data
    : [];
  const byId = new Map(users.map((u) => [u._id, u]));
  const visible = rows.filter((r) => byId.get(r.userId) && !byId.get(r.userId)?.hideFromRankings);
  const ranked = rankRows(visible).slice(0, TOP);
  const mine = ranked.find((r) => r.userId === ctx.caller._id);
  const view: RankingView = {
    rows: ranked.map((r) => ({
      rank: r.rank,
      nickname: byId.get(r.userId)?.nickname ?? '',
      avatarUrl: byId.get(r.userId)?.avatarUrl ?? '',
      points: r.points,
      isMe: r.userId === ctx.caller._id,
    })),
    me: {
      rank: mine?.rank ?? null,
      points: rows.find((r) => r.userId === ctx.caller._id)?.points ?? 0,
      hidden: ctx.caller.hideFromRankings,
    },
  };
  return view;
};
