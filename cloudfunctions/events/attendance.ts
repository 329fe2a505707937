/** 导出名单: an event's attendance list, for its leaders and staff to save or print. */
import { PARTICIPATION_STATUS_LABELS, formatHours, proposedMinutes } from '../../core/domain/events';
import { exportFilename, hoursOf } from '../../core/domain/exports';
import { formatStamp, formatSpan } from '../../core/time';
import { exportPage } from '../runtime/export-page';
import type { Handler } from '../runtime/router';
import { findLedEvent } from './access';
import { PARTICIPATIONS, type ParticipationFields } from './store';

export const exportAttendance: Handler<'events', 'exportAttendance'> = async (input, ctx) => {
  const event = await findLedEvent(ctx.db, input.eventId, ctx);
  const at = (ms: number | null) => (ms === null ? '' : formatStamp(ms));
  return exportPage<ParticipationFields>(
    ctx.db,
    {
      collection: PARTICIPATIONS,
      where: { eventId: event._id, status: ctx.db.command.neq('cancelled') },
      order: { field: 'createdAt', direction: 'asc' },
      filename: exportFilename('签到名单', event.title),
      title: `${event.title}（${formatSpan(event.startAt, event.endAt)}）签到名单`,
      header: [
        '姓名',
        '报名状态',
        '签到时间',
        '签退时间',
        '建议时长',
        '确认时长（小时）',
        '积分',
        '代为报名',
        '时长说明',
      ],
      rows: (docs) =>
        docs.map((p) => [
          p.userName,
          PARTICIPATION_STATUS_LABELS[p.status],
          at(p.checkInAt),
          at(p.checkOutAt),
          formatHours(proposedMinutes(event, p.checkInAt, p.checkOutAt)),
          p.minutes === null ? '未确认' : hoursOf(p.minutes),
          p.points ?? '',
          p.actedByName,
          p.hoursReason,
        ]),
    },
    input,
  );
};
