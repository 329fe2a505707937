import { countWhere } from '../runtime/count';
import { NOTIFICATIONS, type NotificationFields } from '../runtime/notifications';
import { findPage, mapPage } from '../runtime/paging';
import type { HandlerContext } from '../runtime/context';
import type { Handler } from '../runtime/router';

export const listOutbox: Handler<'user', 'listOutbox'> = async (input, ctx) =>
  mapPage(
    await findPage<NotificationFields>(ctx.db, NOTIFICATIONS, { userId: ctx.caller._id }, input),
    (row) => ({
      id: row._id,
      template: row.template,
      title: row.title,
      body: row.body,
      page: row.page ?? '',
      createdAt: row.createdAt,
      read: Boolean(row.readAt),
    }),
  );

/** The caller's unread messages (up to a time); the home page counts them too. */
export const unreadCondition = (ctx: HandlerContext, upTo?: number) => ({
  userId: ctx.caller._id,
  readAt: null,
  ...(upTo === undefined ? {} : { createdAt: ctx.db.command.lte(upTo) }),
});

export const unreadMessages: Handler<'user', 'unreadMessages'> = async (_input, ctx) => ({
  count: await countWhere(ctx.db, NOTIFICATIONS, unreadCondition(ctx)),
});

/** Only messages already shown (up to `upTo`): one that arrived meanwhile stays unread. */
export const markMessagesRead: Handler<'user', 'markMessagesRead'> = async (input, ctx) => {
  const res = (await ctx.db
    .collection(NOTIFICATIONS)
    .where(unreadCondition(ctx, input.upTo))
    .update({ data: { readAt: ctx.now } })) as { stats?: { updated?: number } };
  return { count: res.stats?.updated ?? 0 };
};
