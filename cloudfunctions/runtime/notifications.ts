/**
 * Every notification lands in the `notifications` collection (the resident's 消息 list,
 * and the whole story locally). In production the notifier also sends a subscribe message
 * when the template is configured and the resident agreed to receive it.
 */
import type { EpochMs } from '../../core/time';
import type { Clock, Notification, Notifier } from './ports';
import type { Database } from './db';

export const NOTIFICATIONS = 'notifications';

export interface NotificationFields extends Notification {
  createdAt: EpochMs;
  /** `outbox` until a channel delivered it; `sent` or `failed` after a subscribe message. */
  status: 'outbox' | 'sent' | 'failed';
}

export type Deliver = (message: Notification) => Promise<'sent' | 'failed' | 'outbox'>;

export function outboxNotifier(db: Database, clock: Clock, deliver?: Deliver): Notifier {
  return {
    async notify(message) {
      const status = deliver ? await deliver(message).catch(() => 'failed' as const) : 'outbox';
      const row: NotificationFields = { page: '', ...message, createdAt: clock.now(), status };
      await db.collection(NOTIFICATIONS).add({ data: row });
    },
  };
}
