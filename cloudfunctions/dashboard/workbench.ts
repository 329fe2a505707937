/**
 * The workbench's badges: how many of each thing waits for staff. Nine counts in parallel, each
 * over an indexed condition (see README, indexes): the database counts, nothing is read.
 */
import type { WorkbenchView } from '../../core/contract';
import { LOW_STOCK_AT, WORKBENCH_COUNTS, type WorkbenchCount } from '../../core/domain/dashboard';
import type { EpochMs } from '../../core/time';
import { countWhere } from '../runtime/count';
import type { Database } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { APPLICATIONS } from '../user/applications';
import { PARTICIPATIONS } from '../events/store';
import { GOODS, ORDERS } from '../mall/store';
import { REPORTS } from '../moderation/store';
import { OBJECTIONS, PROPOSALS } from '../votes/store';
import { bucketListing } from '../wishes/browse';
import { WISHES } from '../wishes/store';

/** What each badge counts: a collection and the condition of what waits there. */
function waiting(db: Database, now: EpochMs): Record<WorkbenchCount, [collection: string, where: object]> {
  const _ = db.command;
  return {
    applications: [APPLICATIONS, { status: 'pending' }],
    pickups: [ORDERS, { status: 'awaiting_pickup', expiresAt: _.gt(now) }],
    // Hours nobody has confirmed yet on events that are over (the job closes them after a day).
    hoursToConfirm: [PARTICIPATIONS, { status: 'confirmed', closedAt: null, eventEndAt: _.lt(now) }],
    lowStock: [GOODS, { onShelf: true, stock: _.lte(LOW_STOCK_AT) }],
    // The wishes board's own conditions, so the badge and the board agree.
    wishesToReview: [WISHES, bucketListing(db, 'pending', now).where],
    wishesOverdue: [WISHES, bucketListing(db, 'overdue', now).where],
    openReports: [REPORTS, { status: 'open' }],
    proposalsToScreen: [PROPOSALS, { status: 'pending' }],
    objections: [OBJECTIONS, { answeredAt: null }],
  };
}

/** Every badge's count, in parallel (the home page shows their sum to staff). */
export async function waitingCounts(db: Database, now: EpochMs): Promise<WorkbenchView['counts']> {
  const conditions = waiting(db, now);
  const counted = await Promise.all(
    WORKBENCH_COUNTS.map(async (key) => [key, await countWhere(db, ...conditions[key])] as const),
  );
  return Object.fromEntries(counted) as WorkbenchView['counts'];
}

export const workbench: Handler<'dashboard', 'workbench'> = async (_input, ctx) => ({
  counts: await waitingCounts(ctx.db, ctx.now),
});
