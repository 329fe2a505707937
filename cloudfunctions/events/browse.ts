/** Residents browse events and see their own: 活动 list, detail and 我的活动. */
import { mayRunEvent } from '../../core/domain/events';
import { AppError } from '../../core/errors';
import { DAY_MS, startOfDay } from '../../core/time';
import { findAll } from '../runtime/db';
import type { HandlerContext } from '../runtime/context';
import type { Handler } from '../runtime/router';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  findParticipation,
  type EventFields,
  type ParticipationFields,
} from './store';
import { toEventView } from './views';

async function myParticipations(ctx: HandlerContext, eventIds?: string[]) {
  const _ = ctx.db.command;
  const where = eventIds ? { userId: ctx.caller._id, eventId: _.in(eventIds) } : { userId: ctx.caller._id };
  const rows = await findAll<ParticipationFields>(ctx.db.collection(PARTICIPATIONS).where(where), 1000);
  return new Map(rows.map((p) => [p.eventId, p]));
}

export const list: Handler<'events', 'list'> = async (input, ctx) => {
  const _ = ctx.db.command;
  const startFilter =
    input.day === undefined
      ? {}
      : { startAt: _.gte(startOfDay(input.day)).and(_.lt(startOfDay(input.day) + DAY_MS)) };
  const events = await findAll<EventFields>(
    ctx.db
      .collection(EVENTS)
      .where({
        status: 'published',
        endAt: _.gte(ctx.now),
        ...(input.category ? { category: input.category } : {}),
        ...startFilter,
      })
      .orderBy('startAt', 'asc'),
    300,
  );
  const mine = events.length
    ? await myParticipations(
        ctx,
        events.map((e) => e._id),
      )
    : new Map();
  return events.map((e) => toEventView(e, ctx.now, ctx.caller, mine.get(e._id) ?? null));
};

export const get: Handler<'events', 'get'> = async (input, ctx) => {
  const event = await findEvent(ctx.db, input.eventId);
  if (!event || (event.status === 'draft' && !mayRunEvent(ctx.roles, event.leaderIds, ctx.caller._id)))
    throw new AppError('NOT_FOUND');
  const mine = await findParticipation(ctx.db, event._id, ctx.caller._id);
  return toEventView(event, ctx.now, ctx.caller, mine);
};

export const mine: Handler<'events', 'mine'> = async (_input, ctx) => {
  const participations = await myParticipations(ctx);
  const active = [...participations.values()].filter((p) => p.status !== 'cancelled');
  const events = active.length
    ? await findAll<EventFields>(
        ctx.db.collection(EVENTS).where({ _id: ctx.db.command.in(active.map((p) => p.eventId)) }),
        1000,
      )
    : [];
  const views = events
    .map((e) => toEventView(e, ctx.now, ctx.caller, participations.get(e._id) ?? null))
    .sort((a, b) => a.startAt - b.startAt);
  const isPast = (v: (typeof views)[number]) => v.phase === 'ended' || v.phase === 'cancelled';
  // An array field matches a single value when the array contains it.
  const led = await findAll<EventFields>(
    ctx.db
      .collection(EVENTS)
      .where({ leaderIds: ctx.caller._id, status: 'published' })
      .orderBy('startAt', 'desc'),
    100,
  );
  return {
    leading: led.map((e) => toEventView(e, ctx.now, ctx.caller, participations.get(e._id) ?? null)),
    upcoming: views.filter((v) => !isPast(v) && v.mine?.status === 'confirmed'),
    waitlisted: views.filter((v) => !isPast(v) && v.mine?.status === 'waitlisted'),
    past: views.filter(isPast).reverse(),
  };
};
