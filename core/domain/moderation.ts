/**
 * Moderation of what residents write and upload (运营规范 7.2/7.3: user content is filtered and
 * complaints are answered). Generic over the kinds of item residents publish; each kind plugs in
 * through an adapter in cloudfunctions/moderation/targets.ts.
 */
import type { ErrorCode } from '../errors';

export const TARGET_KINDS = ['wish', 'proposal'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_KIND_LABELS: Record<TargetKind, string> = { wish: '微心愿', proposal: '百姓点菜提议' };

export const REPORT_CATEGORIES = ['false_info', 'privacy', 'abuse', 'illegal', 'ad', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  false_info: '虚假信息',
  privacy: '泄露隐私',
  abuse: '辱骂骚扰',
  illegal: '违法违规',
  ad: '广告营销',
  other: '其他',
};

/** open → hidden (upheld: the item is taken down) | kept (the item stays). */
export const REPORT_STATUSES = ['open', 'hidden', 'kept'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  open: '待处理',
  hidden: '已屏蔽',
  kept: '已保留',
};

export const REPORT_DECISIONS = ['hide', 'keep'] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];

/** Only what neighbours can see can be reported, and not by its own author. */
export function reportRefusal(
  target: { isPublic: boolean; authorId: string },
  reporterId: string,
): ErrorCode | null {
  if (!target.isPublic) return 'REPORT_NOT_PUBLIC';
  return target.authorId === reporterId ? 'REPORT_OWN' : null;
}

/** What a content check answers (msgSecCheck v2 / mediaCheckAsync v2 `result.suggest`). */
export const CONTENT_VERDICTS = ['pass', 'review', 'risky'] as const;
export type ContentVerdictName = (typeof CONTENT_VERDICTS)[number];

/** An image check's state: waiting, a verdict, or a check that could not run. */
export type ImageCheckStatus = 'pending' | ContentVerdictName | 'error';
export const IMAGE_CHECK_LABELS: Record<ImageCheckStatus, string> = {
  pending: '检测中',
  pass: '通过',
  review: '疑似违规',
  risky: '违规',
  error: '检测失败',
};

/**
 * Like text (which must `pass`), an image with any other verdict is taken off public view;
 * staff see it and the verdict. A check that failed to run hides nothing: staff review the photos.
 */
export function hidesTarget(status: ImageCheckStatus): boolean {
  return status === 'review' || status === 'risky';
}

export function imageVerdictReason(status: ImageCheckStatus): string {
  return status === 'review' ? '图片疑似违规，待社区复核' : '图片未通过安全检测';
}
