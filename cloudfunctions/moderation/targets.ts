/**
 * The kinds of item residents publish, each plugged into moderation through one adapter: what a
 * report shows of it, and how to take it off public view. Typed by TargetKind, so a new kind in
 * core/domain/moderation.ts cannot be left without its adapter here.
 */
import type { TargetKind } from '../../core/domain/moderation';
import type { EpochMs } from '../../core/time';
import type { DocReader, Transaction } from '../runtime/db';
import { proposalTarget } from '../votes/target';
import { wishTarget } from '../wishes/target';

export type { TargetKind };

export interface ModerationTarget {
  kind: TargetKind;
  /** What the report form and the staff queue show; null when missing. */
  load(
    source: DocReader,
    id: string,
  ): Promise<{
    title: string;
    excerpt: string;
    authorId: string;
    isPublic: boolean;
    hidden: boolean;
    /** Every photo it shows now (a wish's proof photos too), as checked by mediaCheckAsync. */
    photos: readonly string[];
  } | null>;
  /** Take it off public view inside tx (upheld report or risky image); idempotent. */
  hide(tx: Transaction, id: string, reason: string, now: EpochMs): Promise<void>;
  /** Back on public view inside tx, once staff have reviewed it; idempotent. */
  restore(tx: Transaction, id: string, now: EpochMs): Promise<void>;
}

export const TARGETS: Record<TargetKind, ModerationTarget> = {
  wish: wishTarget,
  proposal: proposalTarget,
};
