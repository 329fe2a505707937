import { findAll } from '../runtime/db';
import { NOTIFICATIONS, type NotificationFields } from '../runtime/notifications';
import type { Handler } from '../runtime/router';

export const listOutbox: Handler<'user', 'listOutbox'> = async (_input, ctx) => {
  const rows = await findAll<NotificationFields>(
    ctx.db.collection(NOTIFICATIONS).where({ userId: ctx.caller._id }).orderBy('createdAt', 'desc'),
    100,
  );
  return rows.map((row) => ({
    id: row._id,
    template: row.template,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt,
  }));
};
