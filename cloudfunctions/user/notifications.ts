import { NOTIFICATIONS, type NotificationFields } from '../runtime/notifications';
import { findPage, mapPage } from '../runtime/paging';
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
    }),
  );
