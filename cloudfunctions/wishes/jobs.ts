import { isPastDue } from '../../core/domain/wishes';
import { MINUTE_MS } from '../../core/time';
import { findAll, inTransaction } from '../runtime/db';
import type { Job } from '../runtime/jobs';
import { endClaim } from './lifecycle';
import { SYSTEM, WISHES, findWish, saveWish, type WishFields } from './store';

export const AUTO_RELEASE_REASON = '已过期望日期仍未完成，系统自动释放';

/**
 * A claim not fulfilled by the wanted-by day is let go: the wish returns to the wall (flagged
 * overdue, for staff to follow up), the member's contact access ends, and both sides are told.
 * Each wish is re-read in its own transaction, so a fulfilment or a release racing the job wins
 * or loses as a whole; a wish already fulfilled is never released.
 */
export const releaseOverdueClaims: Job = {
  name: 'releaseOverdueClaims',
  cron: '0 */10 * * * * *',
  everyMs: 10 * MINUTE_MS,
  async run({ db, clock }) {
    const now = clock.now();
    const due = await findAll<WishFields>(
      db
        .collection(WISHES)
        .where({ status: 'claimed', dueAt: db.command.lte(now) })
        .orderBy('dueAt', 'asc'),
      1000,
    );
    let released = 0;
    for (const candidate of due) {
      const done = await inTransaction(db, async (tx) => {
        const wish = await findWish(tx, candidate._id);
        if (!wish || wish.status !== 'claimed' || !isPastDue(wish.dueAt, now)) return false;
        const ended = await endClaim(
          tx,
          wish,
          { kind: 'expired', reason: AUTO_RELEASE_REASON, by: SYSTEM },
          now,
        );
        await saveWish(tx, { ...wish, ...ended });
        return true;
      });
      if (done) released += 1;
    }
    return `released ${released} overdue claims`;
  },
};

export const wishJobs: readonly Job[] = [releaseOverdueClaims];
