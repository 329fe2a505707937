import { z } from 'zod';
import { ENTRY_KINDS, ENTRY_SOURCE_TYPES } from '../domain/points';
import { RequestId, UserId, defineAction, empty, epochMs, pageOf, paging } from './define';

export const AccountView = z.object({
  balance: z.number().int(),
  earned: z.number().int(),
  spent: z.number().int(),
  /** Carried over from the paper ledger; part of the balance, not of what rankings count. */
  opening: z.number().int(),
  hideFromRankings: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

export const EntryView = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  amount: z.number().int(),
  /** The reason in plain Chinese, e.g. 「兑换：大米5kg ×1」. */
  description: z.string(),
  balanceAfter: z.number().int(),
  /** What the entry pays or is paid for, so a resident can open it: the order, the event… */
  sourceType: z.enum(ENTRY_SOURCE_TYPES),
  sourceId: z.string(),
  createdAt: epochMs,
});
export type EntryView = z.infer<typeof EntryView>;

export const RankingView = z.object({
  rows: z.array(
    z.object({
      rank: z.number().int(),
      nickname: z.string(),
      /** Their profile picture ('' when they have none: the page shows their initial). */
      avatarUrl: z.string(),
      points: z.number().int(),
      isMe: z.boolean(),
    }),
  ),
  me: z.object({ rank: z.number().int().nullable(), points: z.number().int(), hidden: z.boolean() }),
});
export type RankingView = z.infer<typeof RankingView>;

export const pointsContract = {
  myAccount: defineAction({
    summary: "The caller's balance, total earned and total spent",
    roles: ['resident'],
    input: empty,
    output: AccountView,
  }),
  myHistory: defineAction({
    summary: "The caller's ledger entries, newest first, a page at a time",
    roles: ['resident'],
    input: z.object({ ...paging }).strict(),
    output: pageOf(EntryView),
  }),
  myMonths: defineAction({
    summary: "积分明细's chart: the caller's points earned and spent in each of the last six months",
    roles: ['resident'],
    input: empty,
    output: z.object({
      months: z.array(
        z.object({ key: z.string(), label: z.string(), earned: z.number().int(), spent: z.number().int() }),
      ),
    }),
  }),
  ranking: defineAction({
    summary: '积分排行 for this month or all time, without residents who opted out',
    roles: ['resident'],
    input: z.object({ period: z.enum(['month', 'all']) }).strict(),
    output: RankingView,
  }),
  setRankingVisibility: defineAction({
    summary: 'Opt in or out of the public ranking',
    roles: ['resident'],
    input: z.object({ hidden: z.boolean() }).strict(),
    output: AccountView,
  }),
  adjust: defineAction({
    summary: 'Staff: credit or debit points by hand, with a mandatory reason',
    roles: ['staff'],
    input: z
      .object({
        userId: UserId,
        amount: z
          .number()
          .int('积分必须是整数')
          .min(-10000)
          .max(10000)
          .refine((n) => n !== 0, '调整积分不能为0'),
        reason: z.string().trim().min(2, '请填写调整原因').max(100),
        requestId: RequestId,
        /** `opening`: the balance carried over from the paper ledger, once per resident. */
        kind: z.enum(['adjust', 'opening']).optional(),
      })
      // No refine here (the page binds this schema without `requestId`, and zod cannot omit from a
      // refined object): a negative opening balance is refused by the ledger rule, applyEntry.
      .strict(),
    output: z.object({ entry: EntryView, account: AccountView }),
  }),
  accountOf: defineAction({
    summary: "Staff: a resident's name and account",
    roles: ['staff'],
    input: z.object({ userId: UserId }).strict(),
    output: z.object({ name: z.string(), account: AccountView }),
  }),
  historyOf: defineAction({
    summary: "Staff: a resident's ledger entries, newest first, a page at a time",
    roles: ['staff'],
    input: z.object({ userId: UserId, ...paging }).strict(),
    output: pageOf(EntryView),
  }),
};
