/** A resident's own account and history; staff adjustments and look-ups. */
import { ledgerKey } from '../../core/domain/points';
import { AppError } from '../../core/errors';
import { recordAudit } from '../runtime/audit';
import { inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { USERS, findUser } from '../runtime/users';
import { ENTRIES, loadAccount, postOnce, type EntryDoc } from './ledger';
import { toAccountView, toEntryView } from './views';

export const myAccount: Handler<'points', 'myAccount'> = async (_input, ctx) =>
  toAccountView(await loadAccount(ctx.db, ctx.caller._id), ctx.caller.hideFromRankings);

export const myHistory: Handler<'points', 'myHistory'> = async (input, ctx) => {
  const limit = input.limit ?? 50;
  const _ = ctx.db.command;
  const mine = { userId: ctx.caller._id };
  // Newest first by time, then id: a job can write many entries with the same time, and a
  // page boundary between them must not skip any.
  const where = input.cursor
    ? _.and([
        mine,
        _.or([
          { createdAt: _.lt(input.cursor.at) },
          { createdAt: input.cursor.at, _id: _.lt(input.cursor.id) },
        ]),
      ])
    : mine;
  const res = (await ctx.db
    .collection(ENTRIES)
    .where(where)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get()) as unknown as { data: EntryDoc[] };
  const entries = res.data.map(toEntryView);
  const last = res.data[res.data.length - 1];
  return { entries, next: res.data.length === limit && last ? { at: last.createdAt, id: last._id } : null };
};

export const setRankingVisibility: Handler<'points', 'setRankingVisibility'> = async (input, ctx) => {
  await ctx.db
    .collection(USERS)
    .doc(ctx.caller._id)
    .update({ data: { hideFromRankings: input.hidden, updatedAt: ctx.now } });
  return toAccountView(await loadAccount(ctx.db, ctx.caller._id), input.hidden);
};

export const adjust: Handler<'points', 'adjust'> = async (input, ctx) => {
  const { entry, account, user } = await inTransaction(ctx.db, async (tx) => {
    const target = await findUser(tx, input.userId);
    if (!target) throw new AppError('NOT_FOUND');
    // Four eyes: staff cannot credit themselves; another staff member has to.
    if (target._id === ctx.caller._id)
      throw new AppError('FORBIDDEN', '不能调整自己的积分，请由其他工作人员操作');
    const posted = await postOnce(
      tx,
      {
        key: ledgerKey.adjust(target._id, input.requestId),
        userId: target._id,
        amount: input.amount,
        kind: 'adjust',
        reason: input.reason,
        sourceType: 'manual',
        sourceId: input.requestId,
        operatorId: ctx.caller._id,
      },
      ctx.now,
    );
    if (!posted.repeated) {
      await recordAudit(tx, {
        actorId: ctx.caller._id,
        action: 'points.adjust',
        targetId: target._id,
        onBehalfOf: target.managed ? target._id : undefined,
        detail: `${input.amount > 0 ? '+' : ''}${input.amount} ${input.reason}`,
        at: ctx.now,
      });
    }
    return { ...posted, user: target };
  });
  return { entry: toEntryView(entry), account: toAccountView(account, user.hideFromRankings) };
};

export const accountOf: Handler<'points', 'accountOf'> = async (input, ctx) => {
  const user = await findUser(ctx.db, input.userId);
  if (!user) throw new AppError('NOT_FOUND');
  const recent = (await ctx.db
    .collection(ENTRIES)
    .where({ userId: user._id })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get()) as unknown as { data: EntryDoc[] };
  return {
    name: user.realName || user.nickname,
    account: toAccountView(await loadAccount(ctx.db, user._id), user.hideFromRankings),
    entries: recent.data.map(toEntryView),
  };
};
