/** The moderation collections: residents' reports, and one row per image sent to the image check. */
import { createHash } from 'crypto';
import type {
  ImageCheckStatus,
  ReportCategory,
  ReportStatus,
  TargetKind,
} from '../../core/domain/moderation';
import type { EpochMs } from '../../core/time';
import { findById, type Doc, type DocReader } from '../runtime/db';

export const REPORTS = 'reports';
export const MEDIA_CHECKS = 'media_checks';

export interface ReportFields {
  targetKind: TargetKind;
  targetId: string;
  reporterId: string;
  reporterName: string;
  category: ReportCategory;
  text: string;
  status: ReportStatus;
  /** What the item said when it was reported (it may change or go later). */
  title: string;
  excerpt: string;
  authorId: string;
  note: string;
  decidedBy: string | null;
  decidedAt: EpochMs | null;
  /** How many times this reporter has reported this item (a decided report may be reopened). */
  round: number;
  createdAt: EpochMs;
}
export type ReportDoc = Doc<ReportFields>;

/** Keyed by the image check's trace id, so a verdict finds its row (and a repeat finds it done). */
export interface MediaCheckFields {
  /** Null when the verdict arrived before the row that sent it was written (see images.ts). */
  targetKind: TargetKind | null;
  targetId: string | null;
  fileId: string;
  status: ImageCheckStatus;
  submittedBy: string | null;
  submittedAt: EpochMs | null;
  verdictAt: EpochMs | null;
}
export type MediaCheckDoc = Doc<MediaCheckFields>;

/**
 * One report per reporter and item: the id is derived from the three, so two taps (or a retry)
 * write the same document and one open report is all there can be.
 */
export function reportIdFor(kind: TargetKind, targetId: string, reporterId: string): string {
  return 'r' + createHash('sha256').update(`${kind}:${targetId}:${reporterId}`).digest('hex').slice(0, 24);
}

export const findReport = (source: DocReader, id: string) => findById<ReportFields>(source, REPORTS, id);
export const findMediaCheck = (source: DocReader, traceId: string) =>
  findById<MediaCheckFields>(source, MEDIA_CHECKS, traceId);
