/** Staff publish events: draft → published, or cancelled with everyone notified. */
import { randomBytes } from 'crypto';
import {
  DEFAULT_CHECKIN_MARGIN_MS,
  assertTermsOpen,
  defaultMaxPoints,
  type EventPhase,
} from '../../core/domain/events';
import { mayLead } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import { MINUTE_MS, type EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { newSecret } from '../runtime/config';
import { findAll, inTransaction, withoutId, type Database } from '../runtime/db';
import { findPage, mapPage } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { USERS, type UserFields } from '../runtime/users';
import { findProject } from '../votes/store';
import { displayName } from '../../core/domain/users';
import { EVENTS, findEvent, type EventDoc, type EventFields } from './store';
import { releaseSignups } from './release';
import { fillSeats } from './signup';
import { toEventView } from './views';

export const save: Handler<'events', 'save'> = async (input, ctx) => {
  await assertCleanText(ctx, input.title, input.description, input.place);
  const leaderIds = [...new Set(input.leaderIds ?? [])];
  const leaders = leaderIds.length
    ? await findAll<UserFields>(ctx.db.collection(USERS).where({ _id: ctx.db.command.in(leaderIds) }), 100)
    : [];
  if (leaders.length !== leaderIds.length || leaders.some((l) => l.closedAt || !mayLead(l.roles))) {
    throw new AppError('INVALID_INPUT', '活动负责人须为社区工作人员或注册志愿者');
  }
  if (input.projectId && (input.category !== 'project' || !(await findProject(ctx.db, input.projectId)))) {
    throw new AppError('INVALID_INPUT', '关联的微实事项目不存在，或活动类别不是「微实事项目」');
  }
  const pointsPerHour = input.pointsPerHour ?? 1;
  const details = {
    title: input.title,
    description: input.description ?? '',
    coverUrl: input.coverUrl ?? '',
    category: input.category,
    place: input.place,
    startAt: input.startAt,
    endAt: input.endAt,
    signupDeadline: input.signupDeadline,
    capacity: input.capacity,
    audience: input.audience,
    pointsPerHour,
    maxPoints: input.maxPoints ?? defaultMaxPoints(input.startAt, input.endAt, pointsPerHour),
    checkinMarginMs:
      input.checkinMarginMinutes === undefined
        ? DEFAULT_CHECKIN_MARGIN_MS
        : input.checkinMarginMinutes * MINUTE_MS,
    leaderIds: leaders.map((l) => l._id),
    leaderNames: leaders.map(displayName),
    projectId: input.projectId ?? null,
    updatedAt: ctx.now,
  };
  const saved = await inTransaction(ctx.db, async (tx): Promise<EventDoc> => {
    if (input.eventId) {
      const event = await findEvent(tx, input.eventId);
      if (!event) throw new AppError('NOT_FOUND');
      if (event.status === 'cancelled') throw new AppError('EVENT_NOT_OPEN', '活动已取消，不能修改');
      const termsChanged =
        details.startAt !== event.startAt ||
        details.endAt !== event.endAt ||
        details.pointsPerHour !== event.pointsPerHour ||
        details.maxPoints !== event.maxPoints;
      if (termsChanged) assertTermsOpen(event, ctx.now);
      const signedUp = event.confirmedCount > 0 || event.waitlist.length > 0;
      // Participations copy the times (for the reminder and auto-close jobs): keep them true.
      if (signedUp && (details.startAt !== event.startAt || details.endAt !== event.endAt)) {
        throw new AppError('CONFLICT', '已有居民报名，不能修改活动时间；如需改期，请取消活动并重新发布');
      }
      if (details.capacity < event.confirmedCount) {
        throw new AppError('INVALID_INPUT', `已有${event.confirmedCount}人报名，人数上限不能少于此数`);
      }
      // New seats go to the people already waiting, in order.
      const seats = await fillSeats(tx, { ...event, capacity: details.capacity }, ctx.now);
      const changes = { ...details, waitlist: seats.waitlist, confirmedCount: seats.confirmedCount };
      await tx.collection(EVENTS).doc(event._id).update({ data: changes });
      await recordAudit(tx, {
        actorId: ctx.caller._id,
        action: 'event.edit',
        targetId: event._id,
        detail: details.title,
        at: ctx.now,
      });
      return { ...event, ...changes };
    }
    const event: EventDoc = {
      _id: 'e' + randomBytes(12).toString('hex'),
      ...details,
      status: 'draft',
      confirmedCount: 0,
      waitlist: [],
      secret: newSecret(),
      cancelReason: '',
      releasingSignups: false,
      createdBy: ctx.caller._id,
      createdAt: ctx.now,
    };
    await tx
      .collection(EVENTS)
      .doc(event._id)
      .set({ data: withoutId(event) });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'event.create',
      targetId: event._id,
      detail: event.title,
      at: ctx.now,
    });
    return event;
  });
  return toEventView(saved, ctx.now, ctx.caller, null);
};

export const publish: Handler<'events', 'publish'> = async (input, ctx) => {
  const event = await inTransaction(ctx.db, async (tx) => {
    const found = await findEvent(tx, input.eventId);
    if (!found) throw new AppError('NOT_FOUND');
    if (found.status !== 'draft') throw new AppError('CONFLICT', '只有草稿可以发布');
    await tx
      .collection(EVENTS)
      .doc(found._id)
      .update({ data: { status: 'published', updatedAt: ctx.now } });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'event.publish',
      targetId: found._id,
      detail: found.title,
      at: ctx.now,
    });
    return { ...found, status: 'published' as const };
  });
  return toEventView(event, ctx.now, ctx.caller, null);
};

export const cancel: Handler<'events', 'cancel'> = async (input, ctx) => {
  const event = await inTransaction(ctx.db, async (tx) => {
    const found = await findEvent(tx, input.eventId);
    if (!found) throw new AppError('NOT_FOUND');
    if (found.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消');
    assertTermsOpen(found, ctx.now);
    const changes = {
      status: 'cancelled' as const,
      cancelReason: input.reason,
      releasingSignups: true,
      updatedAt: ctx.now,
    };
    await tx.collection(EVENTS).doc(found._id).update({ data: changes });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'event.cancel',
      targetId: found._id,
      detail: input.reason,
      at: ctx.now,
    });
    return { ...found, ...changes };
  });
  // Everyone's sign-up is released, with a notice each, after the cancellation commits; what a
  // timeout leaves undone the releaseCancelledSignups job finishes.
  await releaseSignups(ctx.db, event, ctx.now);
  return toEventView(event, ctx.now, ctx.caller, null);
};

/** The events in one phase (`eventPhase`) at `now`, as a query. */
function inPhase(db: Database, phase: EventPhase | undefined, now: EpochMs): object {
  const _ = db.command;
  switch (phase) {
    case undefined:
      return {};
    case 'draft':
    case 'cancelled':
      return { status: phase };
    case 'upcoming':
      return { status: 'published', startAt: _.gt(now) };
    case 'ongoing':
      return { status: 'published', startAt: _.lte(now), endAt: _.gte(now) };
    case 'ended':
      return { status: 'published', endAt: _.lt(now) };
  }
}

export const allEvents: Handler<'events', 'allEvents'> = async (input, ctx) =>
  mapPage(
    await findPage<EventFields>(ctx.db, EVENTS, inPhase(ctx.db, input.phase, ctx.now), input, {
      field: 'startAt',
      direction: 'desc',
    }),
    (e) => toEventView(e, ctx.now, ctx.caller, null),
  );
