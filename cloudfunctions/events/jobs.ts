import { pageUrl } from '../../core/routes';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatDateTime } from '../../core/time';
import type { Job } from '../runtime/jobs';
import { findAll } from '../runtime/db';
import { SYSTEM, closeParticipation } from './hours';
import { PARTICIPATIONS, findEvent, type ParticipationFields } from './store';

/** How long before the start participants are reminded. */
export const REMIND_BEFORE_MS = 2 * HOUR_MS;
/** Hours nobody confirmed are closed automatically this long after the end. */
export const AUTO_CLOSE_AFTER_MS = DAY_MS;

export const remindParticipants: Job = {
  name: 'remindParticipants',
  cron: '0 */10 * * * * *',
  everyMs: 10 * MINUTE_MS,
  async run({ db, clock, notifier }) {
    const now = clock.now();
    const _ = db.command;
    const due = await findAll<ParticipationFields>(
      db.collection(PARTICIPATIONS).where({
        status: 'confirmed',
        remindedAt: null,
        eventStartAt: _.gt(now).and(_.lte(now + REMIND_BEFORE_MS)),
      }),
      1000,
    );
    let sent = 0;
    for (const p of due) {
      // Claim the reminder first: a concurrent run that loses the claim sends nothing.
      const claim = (await db
        .collection(PARTICIPATIONS)
        .where({ _id: p._id, remindedAt: null })
        .update({ data: { remindedAt: now } })) as { stats?: { updated?: number } };
      if (claim.stats?.updated !== 1) continue;
      const event = await findEvent(db, p.eventId);
      if (!event || event.status !== 'published' || event.startAt <= now) continue;
      await notifier.notify({
        userId: p.userId,
        template: 'event_reminder',
        title: `活动提醒：${event.title}`,
        body: `${formatDateTime(event.startAt)} 在 ${event.place}，请准时参加并扫码签到。`,
        page: pageUrl('eventDetail', { id: event._id }),
      });
      sent += 1;
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
      1000,
    );
    let closed = 0;
    for (const p of open) {
      const event = await findEvent(db, p.eventId);
      // The event itself decides: its copy on the participation is only for finding it.
      if (!event || now < event.endAt + AUTO_CLOSE_AFTER_MS) continue;
      if (await closeParticipation(db, event, p._id, { closedBy: SYSTEM }, now)) closed += 1;
    }
    return `closed ${closed} participations`;
  },
};

export const eventJobs: readonly Job[] = [remindParticipants, autoCloseHours];
