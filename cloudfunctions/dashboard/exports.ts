/**
 * Staff exports for a period, a page at a time (runtime/export-page.ts): volunteers' service
 * records with the fields 民政部令第67号 asks for, the points ledger, orders and stock changes.
 * Names are looked up once per page (a page is at most 99 rows), never copied into the rows
 * beforehand — except where the row keeps its own copy, which closing an account anonymises.
 */
import type { ExportPage } from '../../core/contract';
import { ORGANISER_NAME } from '../../core/domain/community';
import { EVENT_CATEGORY_LABELS } from '../../core/domain/events';
import {
  EXPORT_KIND_LABELS,
  PARTY_RECORD_HEADER,
  SERVICE_RECORD_HEADER,
  exportFilename,
  hoursOf,
  type ExportKind,
} from '../../core/domain/exports';
import { ORDER_STATUS_LABELS, STOCK_CHANGE_KIND_LABELS } from '../../core/domain/mall';
import { ENTRY_KIND_LABELS, describeEntry } from '../../core/domain/points';
import { CLOSED_ACCOUNT_NAME, displayName } from '../../core/domain/users';
import { formatStamp, formatPeriod, type EpochMs } from '../../core/time';
import { docsById } from '../runtime/by-ids';
import type { Database, Doc } from '../runtime/db';
import { exportPage, type ExportSpec } from '../runtime/export-page';
import type { PageRequest } from '../runtime/paging';
import type { Handler } from '../runtime/router';
import { USERS, usersById, type UserDoc } from '../runtime/users';
import { recordLines } from '../wishes/record';
import { EVENTS, PARTICIPATIONS, type EventFields, type ParticipationFields } from '../events/store';
import {
  GOODS,
  ORDERS,
  STOCK_CHANGES,
  type GoodsFields,
  type OrderFields,
  type StockChangeFields,
} from '../mall/store';
import { ENTRIES, type EntryFields } from '../points/ledger';

const when = (ms: EpochMs | null) => (ms === null ? '' : formatStamp(ms));

/** People named by id on a page (a resident, an operator): their name now, or that they left. */
async function namesOf(db: Database, ids: (string | null)[]): Promise<(id: string | null) => string> {
  const users = await usersById(
    db,
    ids.filter((id): id is string => Boolean(id)),
  );
  return (id) => {
    if (!id) return '';
    const user = users.get(id);
    return user ? displayName(user) : CLOSED_ACCOUNT_NAME;
  };
}

interface Period {
  from: EpochMs;
  to: EpochMs;
}

type Spec = Omit<ExportSpec<unknown>, 'filename' | 'title'>;

function specOf(db: Database, kind: ExportKind, period: Period): Spec {
  const _ = db.command;
  const span = _.gte(period.from).and(_.lt(period.to));
  switch (kind) {
    case 'service':
      return {
        collection: PARTICIPATIONS,
        where: { closedAt: _.neq(null), minutes: _.gt(0), eventStartAt: span },
        order: { field: 'eventStartAt', direction: 'asc' },
        header: SERVICE_RECORD_HEADER,
        async rows(docs) {
          const list = docs as Doc<ParticipationFields>[];
          const events = await docsById<EventFields>(
            db,
            EVENTS,
            list.map((p) => p.eventId),
          );
          return list.map((p) => {
            const event = events.get(p.eventId);
            return [
              p._id,
              p.userName,
              when(p.eventStartAt),
              when(p.eventEndAt),
              p.eventTitle,
              event ? EVENT_CATEGORY_LABELS[event.category] : '',
              event?.place ?? '',
              hoursOf(p.minutes ?? 0),
              ORGANISER_NAME,
              when(p.closedAt),
            ];
          });
        },
      };
    case 'party':
      return {
        collection: USERS,
        // An array field matches a value it contains; closed accounts keep no record to send on.
        where: { roles: 'party_member', closedAt: null },
        order: { field: 'createdAt', direction: 'asc' },
        header: PARTY_RECORD_HEADER,
        rows: (docs) => recordLines(db, docs as UserDoc[], period.from, period.to),
      };
    case 'ledger':
      return {
        collection: ENTRIES,
        where: { createdAt: span },
        order: { field: 'createdAt', direction: 'asc' },
        header: ['凭证号', '时间', '居民', '类型', '积分', '变动后余额', '说明', '经办人'],
        async rows(docs) {
          const list = docs as Doc<EntryFields>[];
          const name = await namesOf(
            db,
            list.flatMap((e) => [e.userId, e.operatorId]),
          );
          return list.map((e) => [
            e._id,
            when(e.createdAt),
            name(e.userId),
            ENTRY_KIND_LABELS[e.kind],
            e.amount,
            e.balanceAfter,
            describeEntry(e),
            name(e.operatorId),
          ]);
        },
      };
    case 'orders':
      return {
        collection: ORDERS,
        where: { createdAt: span },
        order: { field: 'createdAt', direction: 'asc' },
        header: ['订单号', '兑换时间', '居民', '物品', '数量', '积分', '状态', '完成时间'],
        rows: (docs) =>
          (docs as Doc<OrderFields>[]).map((o) => [
            o._id,
            when(o.createdAt),
            o.userName,
            o.goodsName,
            o.quantity,
            o.points,
            ORDER_STATUS_LABELS[o.status],
            when(o.closedAt),
          ]),
      };
    case 'stock':
      return {
        collection: STOCK_CHANGES,
        where: { createdAt: span },
        order: { field: 'createdAt', direction: 'asc' },
        header: ['时间', '物品', '类型', '变动数量', '变动后库存', '原因', '订单号', '经办人'],
        async rows(docs) {
          const list = docs as Doc<StockChangeFields>[];
          const [goods, name] = await Promise.all([
            docsById<GoodsFields>(
              db,
              GOODS,
              list.map((c) => c.goodsId),
            ),
            namesOf(
              db,
              list.map((c) => c.operatorId),
            ),
          ]);
          return list.map((c) => [
            when(c.createdAt),
            goods.get(c.goodsId)?.name ?? '',
            STOCK_CHANGE_KIND_LABELS[c.kind],
            c.delta,
            c.stockAfter,
            c.reason,
            c.orderId ?? '',
            name(c.operatorId),
          ]);
        },
      };
  }
}

export function exportOf(
  db: Database,
  kind: ExportKind,
  period: Period,
  request: PageRequest,
): Promise<ExportPage> {
  const label = EXPORT_KIND_LABELS[kind];
  const span = formatPeriod(period.from, period.to);
  return exportPage(
    db,
    { ...specOf(db, kind, period), filename: exportFilename(label, span), title: `${label}（${span}）` },
    request,
  );
}

export const exportTable: Handler<'dashboard', 'export'> = (input, ctx) =>
  exportOf(ctx.db, input.kind, { from: input.from, to: input.to }, input);
