/**
 * 举报: residents report a public item; staff hide it or keep it, and the reporter is told.
 * A report's text is not sent to the content check: only staff read it, and a complaint must be
 * able to quote what it complains about.
 */
import type { ReportId, ReportView } from '../../core/contract';
import {
  REPORT_CATEGORY_LABELS,
  REPORT_STATUS_LABELS,
  TARGET_KIND_LABELS,
  reportRefusal,
  type TargetKind,
} from '../../core/domain/moderation';
import { displayName } from '../../core/domain/users';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { findAll, inTransaction, type Database } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import { findPage } from '../runtime/paging';
import { forEachLimit } from '../runtime/parallel';
import type { Handler } from '../runtime/router';
import {
  MEDIA_CHECKS,
  REPORTS,
  findReport,
  reportIdFor,
  type MediaCheckFields,
  type ReportDoc,
  type ReportFields,
} from './store';
import { TARGETS } from './targets';

function toReportView(report: ReportDoc, targetPublic: boolean, forStaff: boolean): ReportView {
  return {
    id: report._id as ReportId,
    kind: report.targetKind,
    kindLabel: TARGET_KIND_LABELS[report.targetKind],
    targetId: report.targetId,
    category: report.category,
    categoryLabel: REPORT_CATEGORY_LABELS[report.category],
    text: report.text,
    status: report.status,
    statusLabel: REPORT_STATUS_LABELS[report.status],
    note: report.note,
    title: report.title,
    excerpt: report.excerpt,
    targetPublic,
    reporterName: forStaff ? report.reporterName : '',
    createdAt: report.createdAt,
    decidedAt: report.decidedAt,
  };
}

async function isStillPublic(db: Database, kind: TargetKind, id: string): Promise<boolean> {
  return (await TARGETS[kind].load(db, id))?.isPublic ?? false;
}

export const report: Handler<'moderation', 'report'> = async (input, ctx) => {
  const target = await TARGETS[input.kind].load(ctx.db, input.id);
  if (!target) throw new AppError('NOT_FOUND');
  const refusal = reportRefusal(target, ctx.caller._id);
  if (refusal) throw new AppError(refusal);
  const id = reportIdFor(input.kind, input.id, ctx.caller._id);
  const saved = await inTransaction(ctx.db, async (tx) => {
    const existing = await findReport(tx, id);
    // A second tap, or a retry: the open report stands as it is.
    if (existing?.status === 'open') return existing;
    const fields: ReportFields = {
      targetKind: input.kind,
      targetId: input.id,
      reporterId: ctx.caller._id,
      reporterName: displayName(ctx.caller),
      category: input.category,
      text: input.text ?? '',
      status: 'open',
      title: target.title,
      excerpt: target.excerpt,
      authorId: target.authorId,
      note: '',
      decidedBy: null,
      decidedAt: null,
      round: (existing?.round ?? 0) + 1,
      createdAt: ctx.now,
    };
    await tx.collection(REPORTS).doc(id).set({ data: fields });
    return { _id: id, ...fields };
  });
  return toReportView(saved, target.isPublic, false);
};

export const myReport: Handler<'moderation', 'myReport'> = async (input, ctx) => {
  const found = await findReport(ctx.db, reportIdFor(input.kind, input.id, ctx.caller._id));
  return found
    ? toReportView(found, await isStillPublic(ctx.db, found.targetKind, found.targetId), false)
    : null;
};

export const listReports: Handler<'moderation', 'listReports'> = async (input, ctx) => {
  const _ = ctx.db.command;
  const open = (input.status ?? 'open') === 'open';
  // Waiting ones first come, first served; decided ones newest first.
  const page = await findPage<ReportFields>(
    ctx.db,
    REPORTS,
    { status: open ? 'open' : _.in(['hidden', 'kept']) },
    input,
    open ? { field: 'createdAt', direction: 'asc' } : { field: 'decidedAt', direction: 'desc' },
  );
  const items = await Promise.all(
    page.items.map(async (r) => toReportView(r, await isStillPublic(ctx.db, r.targetKind, r.targetId), true)),
  );
  return { items, next: page.next };
};

function outcomeMessage(report: ReportDoc, status: 'hidden' | 'kept', note: string) {
  return {
    userId: report.reporterId,
    template: 'report_decided',
    title: status === 'hidden' ? `举报已处理：${report.title}` : `举报已核实：${report.title}`,
    body: status === 'hidden' ? `经社区核实，该内容已屏蔽。${note}` : `经社区核实，该内容暂不屏蔽。${note}`,
    key: `report_decided_${report._id}_${report.round}`,
  };
}

/** Answer the other open reports on an item that was just hidden: each reporter is told once. */
async function answerOpenReports(
  db: Database,
  kind: TargetKind,
  id: string,
  note: string,
  actorId: string,
  now: EpochMs,
) {
  for (;;) {
    const page = (await db
      .collection(REPORTS)
      .where({ targetKind: kind, targetId: id, status: 'open' })
      .limit(100)
      .get()) as unknown as { data: ReportDoc[] };
    if (page.data.length === 0) return;
    await forEachLimit(page.data, 5, (r) =>
      inTransaction(db, async (tx) => {
        const current = await findReport(tx, r._id);
        if (current?.status !== 'open') return;
        const changes = { status: 'hidden' as const, note, decidedBy: actorId, decidedAt: now };
        await queueNotification(tx, outcomeMessage(current, 'hidden', note), now);
        await tx.collection(REPORTS).doc(current._id).update({ data: changes });
      }),
    );
  }
}

export const decide: Handler<'moderation', 'decide'> = async (input, ctx) => {
  await assertCleanText(ctx, input.note);
  const status = input.decision === 'hide' ? ('hidden' as const) : ('kept' as const);
  const decided = await inTransaction(ctx.db, async (tx) => {
    const found = await findReport(tx, input.reportId);
    if (!found) throw new AppError('NOT_FOUND');
    if (found.status !== 'open') throw new AppError('REPORT_DECIDED');
    const changes = { status, note: input.note, decidedBy: ctx.caller._id, decidedAt: ctx.now };
    if (status === 'hidden') {
      await TARGETS[found.targetKind].hide(
        tx,
        found.targetId,
        `经举报核实（${REPORT_CATEGORY_LABELS[found.category]}）：${input.note}`,
        ctx.now,
      );
    }
    await queueNotification(tx, outcomeMessage(found, status, input.note), ctx.now);
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: `report.${status}`,
      targetId: found._id,
      detail: `${found.targetKind} ${found.targetId}：${input.note}`,
      at: ctx.now,
    });
    await tx.collection(REPORTS).doc(found._id).update({ data: changes });
    return { ...found, ...changes };
  });
  if (status === 'hidden') {
    await answerOpenReports(
      ctx.db,
      decided.targetKind,
      decided.targetId,
      input.note,
      ctx.caller._id,
      ctx.now,
    );
  }
  return toReportView(decided, await isStillPublic(ctx.db, decided.targetKind, decided.targetId), true);
};

export const hideItem: Handler<'moderation', 'hideItem'> = async (input, ctx) => {
  await assertCleanText(ctx, input.reason);
  const target = TARGETS[input.kind];
  await inTransaction(ctx.db, async (tx) => {
    if (!(await target.load(tx, input.id))) throw new AppError('NOT_FOUND');
    await target.hide(tx, input.id, input.reason, ctx.now);
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: `${input.kind}.hide`,
      targetId: input.id,
      detail: input.reason,
      at: ctx.now,
    });
  });
  await answerOpenReports(ctx.db, input.kind, input.id, input.reason, ctx.caller._id, ctx.now);
  return { kind: input.kind, id: input.id, isPublic: await isStillPublic(ctx.db, input.kind, input.id) };
};

/**
 * Staff looked at a hidden item (a photo judged 疑似, or a report they now think wrong) and put it
 * back. Not while a photo it shows failed the check: staff remove that photo first (wishes:
 * 修改心愿). A verdict that arrives later still hides it again.
 */
export const restoreItem: Handler<'moderation', 'restoreItem'> = async (input, ctx) => {
  await assertCleanText(ctx, input.note);
  const target = TARGETS[input.kind];
  // The failed checks, read first (a transaction reads documents, not queries); a verdict that
  // lands after this read hides the item again by itself.
  const failed = await findAll<MediaCheckFields>(
    ctx.db.collection(MEDIA_CHECKS).where({ targetKind: input.kind, targetId: input.id, status: 'risky' }),
    100,
  );
  await inTransaction(ctx.db, async (tx) => {
    const item = await target.load(tx, input.id);
    if (!item) throw new AppError('NOT_FOUND');
    if (!item.hidden) throw new AppError('CONFLICT', '该内容未被屏蔽');
    if (failed.some((c) => item.photos.includes(c.fileId))) {
      throw new AppError('CONFLICT', '有图片未通过安全检测，请先删除该图片再恢复');
    }
    await target.restore(tx, input.id, ctx.now);
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: `${input.kind}.restore`,
      targetId: input.id,
      detail: input.note,
      at: ctx.now,
    });
  });
  return { kind: input.kind, id: input.id, isPublic: await isStillPublic(ctx.db, input.kind, input.id) };
};
