import { pageUrl } from '../../core/routes';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatDateTime } from '../../core/time';
import type { Job } from '../runtime/jobs';
import { findAll, findById, inTransaction } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import { releaseSignups } from './release';
import { signupQueueJob } from './signup-queue';
import { CLOSE_IN_FLIGHT, SYSTEM, closeParticipation } from './hours';
import { forEachLimit } from '../runtime/parallel';
import { EVENTS, PARTICIPATIONS, findEvent, type EventFields, type ParticipationFields } from './store';

/** How long before the start participants are reminded. */
export const REMIND_BEFORE_MS = 2 * HOUR_MS;
/** Hours nobody confirmed are closed automatically this long after the end. */
export const AUTO_CLOSE_AFTER_MS = DAY_MS;

export const remindParticipants: Job = {
  name: 'remindParticipants',
  cron: '0 */10 * * * * *',
  everyMs: 10 * MINUTE_MS,
  async run({ db, clock }) {
    const now = clock.now();
    const _ = db.command;
    const due = await findAll<ParticipationFields>(
      db.collection(PARTICIPATIONS).where({
        status: 'confirmed',
        remindedAt: null,
        eventStartAt: _.gt(now).and(_.lte(now + REMIND_BEFORE_MS)),
      }),
    );
    let sent = 0;
    for (const p of due) {
      // The reminder is marked and queued in one transaction: a concurrent run, or a re-run
      // after a crash, finds it marked and sends nothing.
      const event = await findEvent(db, p.eventId);
      if (!event || event.status !== 'published' || event.startAt <= now) continue;
      const queued = await inTransaction(db, async (tx) => {
        const current = await findById<ParticipationFields>(tx, PARTICIPATIONS, p._id);
        if (!current || current.status !== 'confirmed' || current.remindedAt !== null) return false;
        await tx
          .collection(PARTICIPATIONS)
          .doc(p._id)
          .update({ data: { remindedAt: now } });
        await queueNotification(
          tx,
          {
            userId: p.userId,
            template: 'event_reminder',
            title: `活动提醒：${event.title}`,
            body: `${formatDateTime(event.startAt)} 在 ${event.place}，请准时参加并扫码签到。`,
            page: pageUrl('eventDetail', { id: event._id }),
          },
          now,
        );
        return true;
      });
      if (queued) sent += 1;
    }
    return `reminded ${sent} participants`;
  },
};

export const autoCloseHours: Job = {
  name: 'autoCloseHours',
  cron: '0 15 * * * * *',
  everyMs: HOUR_MS,
  async run({ db, clock }) {
    const now = clock.now();
    const open = await findAll<ParticipationFields>(
      db
        .collection(PARTICIPATIONS)
        .where({
          status: 'confirmed',
          closedAt: null,
          eventEndAt: db.command.lte(now - AUTO_CLOSE_AFTER_MS),
        })
        .orderBy('eventEndAt', 'asc'),
    );
    let closed = 0;
    await forEachLimit(open, CLOSE_IN_FLIGHT, async (p) => {
      const event = await findEvent(db, p.eventId);
      // The event itself decides: its copy on the participation is only for finding it.
      if (!event || now < event.endAt + AUTO_CLOSE_AFTER_MS) return;
      if (await closeParticipation(db, event._id, p._id, { closedBy: SYSTEM }, now)) closed += 1;
    });
    return `closed ${closed} participations`;
  },
};

/** Finishes releasing the sign-ups of cancelled events that a handler left part-way. */
export const releaseCancelledSignups: Job = {
  name: 'releaseCancelledSignups',
  cron: '0 */5 * * * * *',
  everyMs: 5 * MINUTE_MS,
  async run({ db, clock }) {
    const pending = await findAll<EventFields>(
      db.collection(EVENTS).where({ status: 'cancelled', releasingSignups: true }),
    );
    let released = 0;
    for (const event of pending) released += await releaseSignups(db, event, clock.now());
    return `released ${released} sign-ups of ${pending.length} cancelled events`;
  },
};

export const eventJobs: readonly Job[] = [
  remindParticipants,
  autoCloseHours,
  releaseCancelledSignups,
  signupQueueJob,
];
