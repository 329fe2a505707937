/**
 * Releasing the sign-ups of a cancelled event. The cancellation itself is one transaction on the
 * event (status `cancelled`, `releasingSignups` set); each sign-up is then cancelled in its own
 * transaction together with its notice, so a timeout or a crash part-way loses nothing: the next
 * run (the handler's, or the job's) carries on where the last stopped, and each person is told once.
 */
import { pageUrl } from '../../core/routes';
import { formatDateTime, type EpochMs } from '../../core/time';
import { findById, inTransaction, type Database } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import { forEachLimit } from '../runtime/parallel';
import {
  EVENTS,
  PARTICIPATIONS,
  type EventDoc,
  type ParticipationDoc,
  type ParticipationFields,
} from './store';

const ACTIVE = ['confirmed', 'waitlisted'];
const PAGE = 100;
const IN_FLIGHT = 10;

async function releaseOne(db: Database, event: EventDoc, participationId: string, now: EpochMs) {
  await inTransaction(db, async (tx) => {
    const p = await findById<ParticipationFields>(tx, PARTICIPATIONS, participationId);
    // Hours already confirmed stay on the record: the person served, whatever happened after.
    if (!p || !ACTIVE.includes(p.status) || p.closedAt) return;
    await tx
      .collection(PARTICIPATIONS)
      .doc(p._id)
      .update({ data: { status: 'cancelled', updatedAt: now } });
    await queueNotification(
      tx,
      {
        userId: p.userId,
        template: 'event_cancelled',
        title: `活动取消：${event.title}`,
        body: `原定 ${formatDateTime(event.startAt)} 的活动已取消。原因：${event.cancelReason}`,
        page: pageUrl('eventDetail', { id: event._id }),
        key: `event_cancelled_${p._id}`,
      },
      now,
    );
  });
}

/** Cancel every remaining sign-up of a cancelled event; returns how many were released. */
export async function releaseSignups(db: Database, event: EventDoc, now: EpochMs): Promise<number> {
  const _ = db.command;
  let released = 0;
  for (;;) {
    const page = (await db
      .collection(PARTICIPATIONS)
      .where({ eventId: event._id, status: _.in(ACTIVE), closedAt: null })
      .limit(PAGE)
      .get()) as unknown as { data: ParticipationDoc[] };
    if (page.data.length === 0) break;
    await forEachLimit(page.data, IN_FLIGHT, (p) => releaseOne(db, event, p._id, now));
    released += page.data.length;
  }
  await db
    .collection(EVENTS)
    .doc(event._id)
    .update({ data: { releasingSignups: false } });
  return released;
}
