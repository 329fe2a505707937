/** A resident's own account and history; staff adjustments and look-ups. */
import { assertOpeningAmount, ledgerKey } from '../../core/domain/points';
import { displayName } from '../../core/domain/users';
import { AppError } from '../../core/errors';
import { recentMonths } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import type { HandlerContext } from '../runtime/context';
import { findById, inTransaction } from '../runtime/db';
import { monthly } from '../runtime/monthly';
import { findPage, mapPage, type PageRequest } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { USERS, findUser } from '../runtime/users';
import { ENTRIES, loadAccount, postOnce, type EntryFields } from './ledger';
import { toAccountView, toEntryView } from './views';

export const myAccount: Handler<'points', 'myAccount'> = async (_input, ctx) =>
  toAccountView(await loadAccount(ctx.db, ctx.caller._id), ctx.caller.hideFromRankings);

/** A resident's entries, newest first: a job can write many with the same time, none is skipped. */
async function historyPage(ctx: HandlerContext, userId: string, request: PageRequest) {
  return mapPage(await findPage<EntryFields>(ctx.db, ENTRIES, { userId }, request), toEntryView);
}

export const myHistory: Handler<'points', 'myHistory'> = (input, ctx) =>
  historyPage(ctx, ctx.caller._id, input);

export const historyOf: Handler<'points', 'historyOf'> = async (input, ctx) => {
  const user = await findUser(ctx.db, input.userId);
  if (!user) throw new AppError('NOT_FOUND');
  return historyPage(ctx, user._id, input);
};

/** How many months 积分明细's chart shows. */
const CHART_MONTHS = 6;

/**
 * 积分明细's chart, split as the account's own totals are (`applyEntry`): a credit is earned, a
 * debit spent, a refund gives back what was spent, an opening balance carried over from paper is
 * neither — so the months add up to the account's `earned` and `spent`.
 */
export const myMonths: Handler<'points', 'myMonths'> = async (_input, ctx) => {
  const $ = ctx.db.command.aggregate;
  const months = recentMonths(ctx.now, CHART_MONTHS);
  const sums = await monthly(
    ctx.db,
    { months },
    ENTRIES,
    'createdAt',
    { userId: ctx.caller._id },
    {
      earned: $.sum(
        $.cond({
          if: $.and([$.gt(['$amount', 0]), $.neq(['$kind', 'refund']), $.neq(['$kind', 'opening'])]),
          then: '$amount',
          else: 0,
        }),
      ),
      spent: $.sum(
        $.cond({
          if: $.or([$.lt(['$amount', 0]), $.eq(['$kind', 'refund'])]),
          then: $.subtract([0, '$amount']),
          else: 0,
        }),
      ),
    },
  );
  return {
    months: months.map((m, i) => ({
      key: m.key,
      label: m.label,
      earned: sums.earned[i],
      spent: sums.spent[i],
    })),
  };
};

export const setRankingVisibility: Handler<'points', 'setRankingVisibility'> = async (input, ctx) => {
  await ctx.db
    .collection(USERS)
    .doc(ctx.caller._id)
    .update({ data: { hideFromRankings: input.hidden, updatedAt: ctx.now } });
  return toAccountView(await loadAccount(ctx.db, ctx.caller._id), input.hidden);
};

export const adjust: Handler<'points', 'adjust'> = async (input, ctx) => {
  if (input.kind === 'opening') assertOpeningAmount(input.amount);
  const { entry, account, user } = await inTransaction(ctx.db, async (tx) => {
    const target = await findUser(tx, input.userId);
    // A closed account's ledger is kept as it was: nothing more is posted to it.
    if (!target || target.closedAt) throw new AppError('NOT_FOUND');
    // Four eyes: staff cannot credit themselves; another staff member has to.
    if (target._id === ctx.caller._id)
      throw new AppError('FORBIDDEN', '不能调整自己的积分，请由其他工作人员操作');
    const opening = input.kind === 'opening';
    const key = opening ? ledgerKey.opening(target._id) : ledgerKey.adjust(target._id, input.requestId);
    if (opening) {
      const earlier = await findById<EntryFields>(tx, ENTRIES, key);
      if (earlier && earlier.amount !== input.amount)
        throw new AppError('CONFLICT', `该居民已补录过历史积分（${earlier.amount}分）`);
    }
    const posted = await postOnce(
      tx,
      {
        key,
        userId: target._id,
        amount: input.amount,
        kind: opening ? 'opening' : 'adjust',
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
        action: opening ? 'points.opening' : 'points.adjust',
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
  return {
    name: displayName(user),
    account: toAccountView(await loadAccount(ctx.db, user._id), user.hideFromRankings),
  };
};
