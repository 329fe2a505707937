import { z } from 'zod';
import { REPORT_CATEGORIES, REPORT_DECISIONS, REPORT_STATUSES, TARGET_KINDS } from '../domain/moderation';
import { defineAction, epochMs, idSchema, pageOf, paging } from './define';

const text = (max: number) => z.string().trim().max(max);

export const ReportId = idSchema<'ReportId'>();
export type ReportId = z.infer<typeof ReportId>;

/** An item residents can see and report: its kind and its id in that kind's collection. */
const TargetRef = { kind: z.enum(TARGET_KINDS), id: z.string().trim().min(1).max(64) };

export const ReportView = z.object({
  id: ReportId,
  kind: z.enum(TARGET_KINDS),
  kindLabel: z.string(),
  targetId: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  categoryLabel: z.string(),
  text: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  /** Staff's note on the outcome, which the reporter is sent. */
  note: z.string(),
  /** What was reported, as it read then: its title and an excerpt. */
  title: z.string(),
  excerpt: z.string(),
  /** Whether the item is still public now. */
  targetPublic: z.boolean(),
  /** For staff; empty for the reporter's own view. */
  reporterName: z.string(),
  createdAt: epochMs,
  decidedAt: epochMs.nullable(),
});
export type ReportView = z.infer<typeof ReportView>;

export const ImageCheckView = z.object({
  traceId: z.string(),
  fileId: z.string(),
  status: z.enum(['pending', 'pass', 'review', 'risky', 'error']),
  statusLabel: z.string(),
  submittedAt: epochMs.nullable(),
  verdictAt: epochMs.nullable(),
});
export type ImageCheckView = z.infer<typeof ImageCheckView>;

export const moderationContract = {
  report: defineAction({
    summary: '举报 a public item with a category and a reason; one open report per reporter and item',
    roles: ['resident'],
    input: z
      .object({
        ...TargetRef,
        category: z.enum(REPORT_CATEGORIES),
        text: text(200).optional(),
      })
      .strict()
      .refine((r) => r.category !== 'other' || (r.text ?? '').length >= 2, {
        message: '请说明举报原因',
        path: ['text'],
      }),
    output: ReportView,
  }),
  myReport: defineAction({
    summary: "The caller's latest report of an item, if any (so the page shows 已举报 and its outcome)",
    roles: ['resident'],
    input: z.object(TargetRef).strict(),
    output: ReportView.nullable(),
  }),
  listReports: defineAction({
    summary: 'Staff: reports waiting (oldest first) or decided (newest first), a page at a time',
    roles: ['staff'],
    input: z
      .object({
        status: z.enum(['open', 'decided']).optional(),
        ...paging,
      })
      .strict(),
    output: pageOf(ReportView),
  }),
  decide: defineAction({
    summary:
      'Staff: hide the reported item or keep it, with a note the reporter (and, when hidden, the author) sees',
    roles: ['staff'],
    input: z
      .object({
        reportId: ReportId,
        decision: z.enum(REPORT_DECISIONS),
        note: text(200).min(2, '请填写处理说明'),
      })
      .strict(),
    output: ReportView,
  }),
  hideItem: defineAction({
    summary: 'Staff: take a public item off view without a report; open reports on it are answered',
    roles: ['staff'],
    input: z.object({ ...TargetRef, reason: text(100).min(2, '请填写屏蔽原因') }).strict(),
    output: z.object({ kind: z.enum(TARGET_KINDS), id: z.string(), isPublic: z.boolean() }),
  }),
  restoreItem: defineAction({
    summary:
      'Staff: put a hidden item back on public view after reviewing it (e.g. a photo judged 疑似); refused while one of its photos failed the check',
    roles: ['staff'],
    input: z.object({ ...TargetRef, note: text(100).min(2, '请填写复核说明') }).strict(),
    output: z.object({ kind: z.enum(TARGET_KINDS), id: z.string(), isPublic: z.boolean() }),
  }),
  imageChecks: defineAction({
    summary: "Staff: the image checks of an item's photos and their verdicts",
    roles: ['staff'],
    input: z.object(TargetRef).strict(),
    output: z.array(ImageCheckView),
  }),
};
