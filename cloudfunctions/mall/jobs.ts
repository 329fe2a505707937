import { HOUR_MS } from '../../core/time';
import { AppError } from '../../core/errors';
import { findAll, inTransaction } from '../runtime/db';
import type { Job } from '../runtime/jobs';
import { closeOrder } from './redeem';
import { redeemQueueJob } from './redeem-queue';
import { ORDERS, findOrder, type OrderFields } from './store';

/** Orders not picked up in time are cancelled and refunded. Races with pickup and cancel are safe. */
export const expireOrders: Job = {
  name: 'expireOrders',
  cron: '0 0 * * * * *',
  everyMs: HOUR_MS,
  async run({ db, clock }) {
    const now = clock.now();
    const due = await findAll<OrderFields>(
      db.collection(ORDERS).where({ status: 'awaiting_pickup', expiresAt: db.command.lte(now) }),
    );
    let expired = 0;
    for (const { _id } of due) {
      try {
        await inTransaction(db, async (tx) => {
          const order = await findOrder(tx, _id);
          if (order) await closeOrder(tx, order, { status: 'expired', by: null }, now);
        });
        expired += 1;
      } catch (error) {
        // Picked up or cancelled since the query: nothing to do.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return `expired ${expired} orders`;
  },
};

export const mallJobs: readonly Job[] = [expireOrders, redeemQueueJob];
