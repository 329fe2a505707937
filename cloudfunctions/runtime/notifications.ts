/**
 * Notifications are an outbox. A message is written in the same transaction as the change it
 * reports (a decided application, a promotion from the waitlist, a cancelled event), so it can
 * neither be lost after the change commits nor sent for a change that rolled back. The row is
 * the resident's 消息 at once; `deliverNotifications` (a job) then sends each pending row through
 * the delivery channel (a subscribe message in production) once, with retries.
 */
import { MINUTE_MS, type EpochMs } from '../../core/time';
import { findById, type Database, type Doc, type Transaction } from './db';
import type { Clock, Deliver, Notification } from './ports';

export const NOTIFICATIONS = 'notifications';

/**
 * `pending` until the delivery job claims it (`sending`, with a lease), then `sent`, `skipped`
 * (no channel for it: no template configured, or a managed resident without WeChat) or, after
 * MAX_ATTEMPTS failures, `failed`. The 消息 list shows a row whatever its delivery state.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface NotificationFields extends Notification {
  page: string;
  createdAt: EpochMs;
  status: DeliveryStatus;
  attempts: number;
  claimedAt: EpochMs | null;
  deliveredAt: EpochMs | null;
  /** When the resident saw it on 我的消息; null while unread. */
  readAt: EpochMs | null;
}
export type NotificationDoc = Doc<NotificationFields>;

/** A claim older than this is presumed dead (the job was killed mid-way) and is taken over. */
export const DELIVERY_LEASE_MS = 5 * MINUTE_MS;
export const MAX_ATTEMPTS = 5;
const BATCH = 100;

function newRow(message: Notification, now: EpochMs): NotificationFields {
  return {
    ...message,
    page: message.page ?? '',
    createdAt: now,
    status: 'pending',
    attempts: 0,
    claimedAt: null,
    deliveredAt: null,
    readAt: null,
  };
}

/**
 * Queue `message` inside `tx`. With a `key` the message exists at most once whatever retries or
 * job re-runs do (its id is `n_<key>`); without one, the transaction's own atomicity suffices.
 */
export async function queueNotification(tx: Transaction, message: Notification, now: EpochMs): Promise<void> {
  const { key, ...rest } = message;
  if (!key) {
    await tx.collection(NOTIFICATIONS).add({ data: newRow(rest, now) });
    return;
  }
  const id = `n_${key}`;
  if (await findById(tx, NOTIFICATIONS, id)) return;
  await tx
    .collection(NOTIFICATIONS)
    .doc(id)
    .set({ data: newRow(rest, now) });
}

/** Rows the job may take: pending ones, and claims whose lease ran out. */
async function deliverable(db: Database, now: EpochMs): Promise<NotificationDoc[]> {
  const _ = db.command;
  const where = _.or([
    { status: 'pending' },
    { status: 'sending', claimedAt: _.lt(now - DELIVERY_LEASE_MS) },
  ]);
  const res = (await db
    .collection(NOTIFICATIONS)
    .where(where)
    .orderBy('createdAt', 'asc')
    .limit(BATCH)
    .get()) as unknown as { data: NotificationDoc[] };
  return res.data;
}

/**
 * Claim a row with a conditional update on the state we read: of two concurrent jobs (or a job
 * and the one it replaces after a lease ran out) exactly one wins, so each claim delivers once.
 */
async function claim(db: Database, row: NotificationDoc, now: EpochMs): Promise<boolean> {
  const res = (await db
    .collection(NOTIFICATIONS)
    .where({ _id: row._id, status: row.status, claimedAt: row.claimedAt })
    .update({ data: { status: 'sending', claimedAt: now, attempts: row.attempts + 1 } })) as {
    stats?: { updated?: number };
  };
  return res.stats?.updated === 1;
}

/** Deliver one batch; returns how many rows reached a final state. */
export async function deliverPending(db: Database, clock: Clock, deliver: Deliver): Promise<number> {
  let settled = 0;
  for (const row of await deliverable(db, clock.now())) {
    const now = clock.now();
    if (!(await claim(db, row, now))) continue;
    const outcome = await deliver(row).catch(() => 'failed' as const);
    const attempts = row.attempts + 1;
    const status: DeliveryStatus =
      outcome === 'failed' ? (attempts >= MAX_ATTEMPTS ? 'failed' : 'pending') : outcome;
    // Only while the claim is still ours: a job that outlived its lease leaves the row to its successor.
    await db
      .collection(NOTIFICATIONS)
      .where({ _id: row._id, status: 'sending', claimedAt: now })
      .update({
        data: { status, claimedAt: null, deliveredAt: status === 'pending' ? null : clock.now() },
      });
    if (status !== 'pending') settled += 1;
  }
  return settled;
}
