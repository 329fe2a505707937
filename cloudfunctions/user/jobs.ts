import { DAY_MS } from '../../core/time';
import type { Job } from '../runtime/jobs';
import { NOTIFICATIONS, deliverPending } from '../runtime/notifications';
import { settleClosures } from './closure';

/** Messages older than this leave the resident's 消息 list. */
export const NOTIFICATION_RETENTION_MS = 180 * DAY_MS;

export const purgeOldNotifications: Job = {
  name: 'purgeOldNotifications',
  cron: '0 30 3 * * * *',
  everyMs: DAY_MS,
  async run({ db, clock }) {
    const cutoff = clock.now() - NOTIFICATION_RETENTION_MS;
    const res = (await db
      .collection(NOTIFICATIONS)
      .where({ createdAt: db.command.lt(cutoff) })
      .remove()) as { stats?: { removed?: number } };
    return `removed ${res.stats?.removed ?? 0} notifications`;
  },
};

/** Sends queued notifications through the delivery channel (subscribe messages in production). */
export const deliverNotifications: Job = {
  name: 'deliverNotifications',
  cron: '0 * * * * * *',
  everyMs: 10_000,
  async run({ db, clock, deliver }) {
    return `delivered ${await deliverPending(db, clock, deliver)} notifications`;
  },
};

/** Closed accounts, checked again once every request begun before the closure has finished. */
export const settleClosedAccounts: Job = {
  name: 'settleClosedAccounts',
  cron: '0 * * * * * *',
  everyMs: 60_000,
  async run({ db, clock }) {
    return `settled ${await settleClosures(db, clock.now())} closed accounts`;
  },
};

export const userJobs: readonly Job[] = [deliverNotifications, purgeOldNotifications, settleClosedAccounts];
