/**
 * The workbench's badges: how many of each thing waits for staff. Nine counts in parallel, each
 * over an indexed condition (see README, indexes): the database counts, nothing is read.
 */
import type { WorkbenchView } from '../../core/contract';
import { LOW_STOCK_AT } from '../../core/domain/dashboard';
import type { Handler } from '../runtime/router';
import { APPLICATIONS } from '../user/applications';
import { PARTICIPATIONS } from '../events/store';
import { GOODS, ORDERS } from '../mall/store';
import { REPORTS } from '../moderation/store';
import { OBJECTIONS, PROPOSALS } from '../votes/store';
import { bucketListing } from '../wishes/browse';
import { WISHES } from '../wishes/store';
import { countWhere } from '../runtime/count';

export const workbench: Handler<'dashboard', 'workbench'> = async (_input, ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  const [
    applications,
    pickups,
    hoursToConfirm,
    lowStock,
    wishesToReview,
    wishesOverdue,
    openReports,
    proposalsToScreen,
    objections,
  ] = await Promise.all([
    countWhere(db, APPLICATIONS, { status: 'pending' }),
    countWhere(db, ORDERS, { status: 'awaiting_pickup', expiresAt: _.gt(now) }),
    // Hours nobody has confirmed yet on events that are over (the job closes them after a day).
    countWhere(db, PARTICIPATIONS, { status: 'confirmed', closedAt: null, eventEndAt: _.lt(now) }),
    countWhere(db, GOODS, { onShelf: true, stock: _.lte(LOW_STOCK_AT) }),
    countWhere(db, WISHES, bucketListing(db, 'pending', now).where),
    countWhere(db, WISHES, bucketListing(db, 'overdue', now).where),
    countWhere(db, REPORTS, { status: 'open' }),
    countWhere(db, PROPOSALS, { status: 'pending' }),
    countWhere(db, OBJECTIONS, { answeredAt: null }),
  ]);
  const counts: WorkbenchView['counts'] = {
    applications,
    pickups,
    hoursToConfirm,
    lowStock,
    wishesToReview,
    wishesOverdue,
    openReports,
    proposalsToScreen,
    objections,
  };
  return { counts };
};
