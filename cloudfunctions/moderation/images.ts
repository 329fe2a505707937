/**
 * Image checks. Every photo a resident publishes is sent to the image check (mediaCheckAsync in
 * production); the verdict arrives later — a message push in production, LocalImageCheck's sink
 * locally — and a photo judged anything but `pass` takes its item off public view through the
 * item's adapter. Rows are keyed by trace id, so a verdict received twice changes nothing.
 */
import { z } from 'zod';
import {
  CONTENT_VERDICTS,
  IMAGE_CHECK_LABELS,
  hidesTarget,
  imageVerdictReason,
  type ImageCheckStatus,
  type TargetKind,
} from '../../core/domain/moderation';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import type { Deps, HandlerContext } from '../runtime/context';
import { findAll, inTransaction, withoutId, type Transaction } from '../runtime/db';
import type { PushHandler } from '../runtime/push';
import type { Handler } from '../runtime/router';
import { MEDIA_CHECKS, findMediaCheck, type MediaCheckDoc, type MediaCheckFields } from './store';
import { TARGETS } from './targets';

/** A verdict, or `error` when the check itself failed (no verdict will come). */
export type ImageVerdict = Exclude<ImageCheckStatus, 'pending'>;

export interface TargetRef {
  kind: TargetKind;
  id: string;
}

const SYSTEM = 'system';

async function applyVerdict(tx: Transaction, row: MediaCheckFields, traceId: string, now: EpochMs) {
  if (!row.targetKind || !row.targetId || !hidesTarget(row.status)) return;
  await TARGETS[row.targetKind].hide(tx, row.targetId, imageVerdictReason(row.status), now);
  await recordAudit(tx, {
    actorId: SYSTEM,
    action: `${row.targetKind}.hide_image`,
    targetId: row.targetId,
    detail: `${traceId} ${row.status}`,
    at: now,
  });
}

/**
 * Send each image to the check and record one row per image, after the item itself is stored
 * (a check is never spent on an item that was refused). A check that cannot be sent is recorded
 * as `error`: the item stays in staff review, where staff see the photo and its state.
 */
export async function submitImages(
  ctx: Pick<HandlerContext, 'db' | 'imageCheck' | 'openid' | 'caller' | 'now'>,
  target: TargetRef,
  fileIds: readonly string[],
): Promise<void> {
  for (const [index, fileId] of fileIds.entries()) {
    let traceId: string;
    try {
      traceId = (await ctx.imageCheck.submit(fileId, ctx.openid)).traceId;
      if (!traceId) throw new Error('no trace id');
    } catch (error) {
      console.error(`[image check] ${target.kind} ${target.id}: not sent`, error);
      traceId = `unsent_${target.kind}_${target.id}_${ctx.now}_${index}`;
    }
    const sent = !traceId.startsWith('unsent_');
    await inTransaction(ctx.db, async (tx) => {
      // The verdict may have come first (a fast check, a slow write): it waits in its row.
      const early = await findMediaCheck(tx, traceId);
      const row: MediaCheckFields = {
        targetKind: target.kind,
        targetId: target.id,
        fileId,
        status: early?.status ?? (sent ? 'pending' : 'error'),
        submittedBy: ctx.caller._id,
        submittedAt: ctx.now,
        verdictAt: early?.verdictAt ?? null,
      };
      await tx.collection(MEDIA_CHECKS).doc(traceId).set({ data: row });
      if (early) await applyVerdict(tx, row, traceId, ctx.now);
    });
  }
}

/**
 * Record the verdict of one image check and, when it is not `pass`, hide the item it belongs
 * to. The first verdict of a trace stands; receiving it again (WeChat retries pushes) or a
 * different one later changes nothing. Returns what it did, for the log.
 */
export async function recordImageVerdict(
  deps: Pick<Deps, 'db' | 'clock'>,
  traceId: string,
  verdict: ImageVerdict,
): Promise<string> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const row = await findMediaCheck(tx, traceId);
    if (row && row.status !== 'pending') return `trace ${traceId}: already ${row.status}`;
    const recorded: MediaCheckFields = row
      ? { ...withoutId(row), status: verdict, verdictAt: now }
      : {
          targetKind: null,
          targetId: null,
          fileId: '',
          status: verdict,
          submittedBy: null,
          submittedAt: null,
          verdictAt: now,
        };
    await tx.collection(MEDIA_CHECKS).doc(traceId).set({ data: recorded });
    await applyVerdict(tx, recorded, traceId, now);
    return row ? `trace ${traceId}: ${verdict}` : `trace ${traceId}: ${verdict}, waiting for its row`;
  });
}

/**
 * mediaCheckAsync's verdict as a message push: `{ Event: 'wxa_media_check', trace_id,
 * result: { suggest } }`; a failed check comes with a non-zero `errcode` and no result.
 */
const MediaCheckPush = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(200),
  errcode: z.number().optional(),
  result: z.object({ suggest: z.enum(CONTENT_VERDICTS) }).optional(),
});

export const mediaCheckPush: PushHandler = {
  event: 'wxa_media_check',
  async handle(body, deps) {
    const push = MediaCheckPush.safeParse(body);
    if (!push.success) return 'ignored: not a media check verdict';
    const { trace_id: traceId, errcode, result } = push.data;
    const verdict: ImageVerdict = errcode || !result ? 'error' : result.suggest;
    return recordImageVerdict(deps, traceId, verdict);
  },
};

export const imageChecks: Handler<'moderation', 'imageChecks'> = async (input, ctx) => {
  const rows = await findAll<MediaCheckFields>(
    ctx.db
      .collection(MEDIA_CHECKS)
      .where({ targetKind: input.kind, targetId: input.id })
      .orderBy('submittedAt', 'asc'),
    100,
  );
  return rows.map((row: MediaCheckDoc) => ({
    traceId: row._id,
    fileId: row.fileId,
    status: row.status,
    statusLabel: IMAGE_CHECK_LABELS[row.status],
    submittedAt: row.submittedAt,
    verdictAt: row.verdictAt,
  }));
};
