/**
 * Confirming service hours. A participation closes once — by its leader, or by the job
 * 24 h after the event — and its points are paid through the ledger in the same
 * transaction under the key `service_<participationId>`, so a race between the two pays once.
 */
import { formatHours, pointsFor, proposedMinutes } from '../../core/domain/events';
import { ledgerKey } from '../../core/domain/points';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { findAll, findById, inTransaction, type Database } from '../runtime/db';
import { forEachLimit } from '../runtime/parallel';
import type { Handler } from '../runtime/router';
import { postOnce } from '../points/ledger';
import { queueNotification } from '../runtime/notifications';
import { pageUrl } from '../../core/routes';
import { findLedEvent } from './access';
import { PARTICIPATIONS, findEvent, type ParticipationDoc, type ParticipationFields } from './store';
import { toParticipantView } from './views';

export const SYSTEM = 'system';
/** Participations closed at once: enough to finish 100 in well under a second, few enough for CloudBase's quota. */
export const CLOSE_IN_FLIGHT = 10;

export interface Closing {
  minutes?: number;
  reason?: string;
  closedBy: string;
}

/**
 * Close one participation with its hours and pay its points, unless it is already closed. The
 * event is read inside the transaction: a cancellation committed a moment ago pays nothing.
 */
export async function closeParticipation(
  db: Database,
  eventId: string,
  participationId: string,
  closing: Closing,
  now: EpochMs,
): Promise<ParticipationDoc | null> {
  return inTransaction(db, async (tx) => {
    const [event, p] = await Promise.all([
      findEvent(tx, eventId),
      findById<ParticipationFields>(tx, PARTICIPATIONS, participationId),
    ]);
    if (!event || event.status !== 'published' || !p || p.status !== 'confirmed' || p.closedAt) return null;
    const proposed = proposedMinutes(event, p.checkInAt, p.checkOutAt);
    const minutes = closing.minutes ?? proposed;
    const points = pointsFor(minutes, { pointsPerHour: event.pointsPerHour, maxPoints: event.maxPoints });
    const changes = {
      minutes,
      points,
      hoursReason: closing.reason ?? '',
      closedAt: now,
      closedBy: closing.closedBy,
      updatedAt: now,
    };
    await tx.collection(PARTICIPATIONS).doc(p._id).update({ data: changes });
    if (points > 0) {
      await postOnce(
        tx,
        {
          key: ledgerKey.service(p._id),
          userId: p.userId,
          amount: points,
          kind: 'service',
          reason: `${event.title} ${formatHours(minutes)}`,
          sourceType: 'participation',
          sourceId: p._id,
          operatorId: closing.closedBy === SYSTEM ? null : closing.closedBy,
        },
        now,
      );
    }
    // Told once the hours stand, with what they earned (a managed resident's message waits in 消息).
    await queueNotification(
      tx,
      {
        userId: p.userId,
        template: 'hours_confirmed',
        title: `服务时长已确认：${event.title}`,
        body:
          points > 0
            ? `服务 ${formatHours(minutes)}，获得 ${points} 积分，已计入您的积分账户。`
            : `服务 ${formatHours(minutes)}，已记入您的志愿服务记录。`,
        page: pageUrl(points > 0 ? 'history' : 'record'),
        key: `hours_confirmed_${p._id}`,
      },
      now,
    );
    if (closing.minutes !== undefined && closing.minutes !== proposed) {
      await recordAudit(tx, {
        actorId: closing.closedBy,
        action: 'event.adjust_hours',
        targetId: p._id,
        onBehalfOf: p.userId,
        detail: `${proposed}→${closing.minutes} 分钟：${closing.reason ?? ''}`,
        at: now,
      });
    }
    return { ...p, ...changes };
  });
}

export function participationsOf(db: Database, eventId: string): Promise<ParticipationDoc[]> {
  return findAll<ParticipationFields>(
    db.collection(PARTICIPATIONS).where({ eventId }).orderBy('createdAt', 'asc'),
    10000,
  );
}

export const participants: Handler<'events', 'participants'> = async (input, ctx) => {
  const event = await findLedEvent(ctx.db, input.eventId, ctx);
  return (await participationsOf(ctx.db, event._id))
    .filter((p) => p.status !== 'cancelled')
    .map((p) => toParticipantView(event, p));
};

export const confirmHours: Handler<'events', 'confirmHours'> = async (input, ctx) => {
  const event = await findLedEvent(ctx.db, input.eventId, ctx);
  if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', '活动已取消，不能确认时长');
  if (ctx.now <= event.endAt) throw new AppError('EVENT_NOT_ENDED');
  // Nobody edits their own hours; another leader or staff member has to.
  if (input.adjustments.some((a) => a.userId === ctx.caller._id)) {
    throw new AppError('FORBIDDEN', '不能修改自己的服务时长，请由其他负责人或工作人员操作');
  }
  const edits = new Map(input.adjustments.map((a) => [a.userId as string, a]));
  const open = (await participationsOf(ctx.db, event._id)).filter(
    (p) => p.status === 'confirmed' && !p.closedAt,
  );
  // Each closes in its own transaction (one person's points each); a few at a time, not one by one.
  await forEachLimit(open, CLOSE_IN_FLIGHT, async (p) => {
    const edit = edits.get(p.userId);
    await closeParticipation(
      ctx.db,
      event._id,
      p._id,
      { minutes: edit?.minutes, reason: edit?.reason, closedBy: ctx.caller._id },
      ctx.now,
    );
  });
  return (await participationsOf(ctx.db, event._id))
    .filter((p) => p.status !== 'cancelled')
    .map((p) => toParticipantView(event, p));
};
