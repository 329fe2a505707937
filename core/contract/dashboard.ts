/**
 * The `dashboard` function: what staff read about the whole community — the workbench's counts
 * of what waits, the 数据看板 (this month and the last twelve), exports, and the audit trail.
 * It only reads; every figure is an aggregation over the stored rows.
 */
import { z } from 'zod';
import { AUDIT_TYPES } from '../domain/audit';
import { SERIES, WORKBENCH_COUNTS } from '../domain/dashboard';
import { EXPORT_KINDS } from '../domain/exports';
import {
  ExportPage,
  PERIOD_MAX_MS,
  Period,
  UserId,
  defineAction,
  empty,
  epochMs,
  exportPaging,
  pageOf,
  paging,
} from './define';

const count = z.number().int();

/** An object with one field of `schema` per key: the keys are listed once, in core/domain. */
function fieldsOf<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as { [P in K]: S });
}

export const WorkbenchView = z.object({ counts: fieldsOf(WORKBENCH_COUNTS, count) });
export type WorkbenchView = z.infer<typeof WorkbenchView>;

export const DashboardView = z.object({
  /** Oldest first; the last is this month. */
  months: z.array(z.object({ key: z.string(), label: z.string(), from: epochMs, to: epochMs })),
  /** One value per month, in the order of `months`. */
  series: fieldsOf(SERIES, z.array(z.number().int())),
  /** Figures of today rather than of a month. */
  current: z.object({
    lowStock: z.array(z.object({ id: z.string(), name: z.string(), stock: count })),
    /** All items running low (the list above shows at most twenty of them). */
    lowStockCount: count,
    wishesOverdue: count,
    proposalsPending: count,
    projectsInProgress: count,
    pointsOutstanding: count,
  }),
  /** Rounds counted in these twelve months, newest first (at most twenty; `moreRounds` says so). */
  turnout: z.array(
    z.object({
      roundId: z.string(),
      title: z.string(),
      closedAt: epochMs,
      voters: count,
      eligible: count,
    }),
  ),
  moreRounds: z.boolean(),
  generatedAt: epochMs,
});
export type DashboardView = z.infer<typeof DashboardView>;

export const AuditView = z.object({
  id: z.string(),
  type: z.enum(AUDIT_TYPES),
  typeLabel: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  /** The resident the act was for or about; '' when none. */
  subjectId: z.string(),
  subjectName: z.string(),
  targetId: z.string(),
  detail: z.string(),
  at: epochMs,
});
export type AuditView = z.infer<typeof AuditView>;

export const dashboardContract = {
  workbench: defineAction({
    summary: "Staff: how many of each thing waits for them (the workbench's badges)",
    roles: ['staff'],
    input: empty,
    output: WorkbenchView,
  }),
  stats: defineAction({
    summary: '数据看板: this month and the last twelve, aggregated from the stored rows',
    roles: ['staff'],
    input: empty,
    output: DashboardView,
  }),
  export: defineAction({
    summary: 'Staff: one page of an export (service records, ledger, orders, stock changes) for a period',
    roles: ['staff'],
    input: z
      .object({ kind: z.enum(EXPORT_KINDS), ...Period, ...exportPaging })
      .strict()
      .refine((p) => p.to > p.from && p.to - p.from <= PERIOD_MAX_MS, {
        message: '导出时段无效（最长一年）',
        path: ['to'],
      }),
    output: ExportPage,
  }),
  audit: defineAction({
    summary: '操作记录: the audit trail, newest first, by staff member, resident and type, a page at a time',
    roles: ['staff'],
    input: z
      .object({
        actorId: UserId.optional(),
        /** Entries for or about this resident. */
        userId: UserId.optional(),
        type: z.enum(AUDIT_TYPES).optional(),
        ...paging,
      })
      .strict(),
    output: pageOf(AuditView),
  }),
};
