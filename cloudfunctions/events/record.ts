/** 我的服务记录 and the 志愿服务证明 (民政部令第67号: name, period, content, hours, organiser). */
import type { EventId } from '../../core/contract';
import { minutesByMonth, totalsByYear } from '../../core/domain/events';
import { ORGANISER_NAME } from '../../core/domain/community';
import { displayName } from '../../core/domain/users';
import { communityYear, recentMonths } from '../../core/time';
import { findAll } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { EVENTS, PARTICIPATIONS, type EventFields, type ParticipationFields } from './store';

/** How many months the chart of hours on 我的服务记录 shows. */
const SERVICE_MONTHS = 12;

export const myServiceRecord: Handler<'events', 'myServiceRecord'> = async (_input, ctx) => {
  const _ = ctx.db.command;
  const closed = await findAll<ParticipationFields>(
    ctx.db
      .collection(PARTICIPATIONS)
      .where({ userId: ctx.caller._id, closedAt: _.neq(null), minutes: _.gt(0) })
      .orderBy('eventStartAt', 'desc'),
    1000,
  );
  const events = closed.length
    ? await findAll<EventFields>(
        ctx.db.collection(EVENTS).where({ _id: _.in(closed.map((p) => p.eventId)) }),
        1000,
      )
    : [];
  const byId = new Map(events.map((e) => [e._id, e]));
  const months = recentMonths(ctx.now, SERVICE_MONTHS);
  const rows = closed.map((p) => ({
    eventId: p.eventId as EventId,
    title: p.eventTitle,
    category: byId.get(p.eventId)?.category ?? 'volunteer',
    startAt: p.eventStartAt,
    endAt: p.eventEndAt,
    organiser: ORGANISER_NAME,
    minutes: p.minutes ?? 0,
    points: p.points ?? 0,
  }));
  const byMonth = minutesByMonth(rows, months);
  return {
    realName: displayName(ctx.caller),
    rows,
    years: totalsByYear(rows, communityYear),
    totalMinutes: rows.reduce((total, r) => total + r.minutes, 0),
    months: months.map((m, i) => ({ key: m.key, label: m.label, minutes: byMonth[i] })),
  };
};
