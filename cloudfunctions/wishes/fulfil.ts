/**
 * Fulfilment: the member reports the wish done (a note and proof photos); the recipient — or
 * staff, for a neighbour without a phone — confirms receipt. Only then is the member paid, in the
 * confirming transaction, under the ledger key `wish_<wishId>`: however many confirmations race
 * (or a job races them), the wish closes once and the points are paid once.
 */
import { ledgerKey } from '../../core/domain/points';
import { claimerActRefusal, confirmRefusal, excluding } from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import { assertCleanText } from '../runtime/content';
import type { Handler } from '../runtime/router';
import { postOnce } from '../points/ledger';
import { submitImages } from '../moderation/images';
import { auditWish, inWishTransaction, refuse, tell } from './lifecycle';
import {
  WISH_CLAIMS,
  claimerGuardId,
  loadWishSettings,
  posterGuardId,
  readGuard,
  saveWish,
  stateOf,
  writeGuard,
  type ClaimFields,
} from './store';
import { toWishView, viewerOf } from './views';

export const fulfil: Handler<'wishes', 'fulfil'> = async (input, ctx) => {
  await assertCleanText(ctx, input.note);
  const me = ctx.caller._id;
  const { wish, fresh } = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    if (wish.status === 'fulfilled' && wish.claim?.memberId === me) return { wish, fresh: false }; // a retry
    refuse(claimerActRefusal(stateOf(wish), me));
    const claim = wish.claim;
    if (!claim) throw new AppError('WISH_NOT_CLAIMED');
    const guard = await readGuard(tx, claimerGuardId(me), me);

    await tx
      .collection(WISH_CLAIMS)
      .doc(claim.id)
      .update({ data: { status: 'fulfilled', fulfilledAt: ctx.now } satisfies Partial<ClaimFields> });
    await tell(
      tx,
      wish,
      wish.postedBy,
      {
        template: 'wish_fulfilled',
        title: `党员已完成心愿：${wish.title}`,
        body: `${claim.memberName}：${input.note}。请确认是否已收到。`,
      },
      ctx.now,
    );
    await tell(
      tx,
      wish,
      me,
      { template: 'wish_fulfilled', title: `已提交完成情况：${wish.title}`, body: '等待心愿人确认收到。' },
      ctx.now,
    );
    // Done work no longer counts against the member's limit, whether or not it is confirmed yet.
    await writeGuard(tx, guard, excluding(guard.wishIds, wish._id), ctx.now);
    const saved = await saveWish(tx, {
      ...wish,
      status: 'fulfilled',
      fulfilment: { note: input.note, photos: input.photos, at: ctx.now },
      updatedAt: ctx.now,
    });
    return { wish: saved, fresh: true };
  });
  if (fresh) await submitImages(ctx, { kind: 'wish', id: wish._id }, input.photos);
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const confirm: Handler<'wishes', 'confirm'> = async (input, ctx) => {
  const thanks = input.thanks ?? '';
  await assertCleanText(ctx, thanks);
  const wish = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    const state = stateOf(wish);
    const refusal = confirmRefusal(state, { id: ctx.caller._id, roles: ctx.roles });
    // Confirming again (a retry, a double tap) answers with the closed wish and pays nothing.
    if (refusal === 'WISH_NOT_FULFILLED' && wish.status === 'closed') return wish;
    refuse(refusal);
    const claim = wish.claim;
    if (!claim) throw new AppError('WISH_NOT_CLAIMED');
    const { points } = await loadWishSettings(tx);
    const posterGuard = await readGuard(tx, posterGuardId(wish.recipientId), wish.recipientId);

    if (points > 0) {
      await postOnce(
        tx,
        {
          key: ledgerKey.wish(wish._id),
          userId: claim.memberId,
          amount: points,
          kind: 'wish',
          reason: wish.title,
          sourceType: 'wish',
          sourceId: wish._id,
          operatorId: null,
        },
        ctx.now,
      );
    }
    await tx
      .collection(WISH_CLAIMS)
      .doc(claim.id)
      .update({
        data: { status: 'closed', endedAt: ctx.now, endedBy: ctx.caller._id } satisfies Partial<ClaimFields>,
      });
    const earned = points > 0 ? `，您获得 ${points} 积分` : '';
    await tell(
      tx,
      wish,
      claim.memberId,
      {
        template: 'wish_closed',
        title: `心愿已确认完成：${wish.title}`,
        body: `心愿人已确认收到${earned}。${thanks ? `感谢留言：${thanks}` : ''}`,
      },
      ctx.now,
    );
    await tell(
      tx,
      wish,
      wish.postedBy,
      {
        template: 'wish_closed',
        title: `心愿已完成：${wish.title}`,
        body: `已确认收到，感谢 ${claim.memberName} 的帮助。`,
      },
      ctx.now,
    );
    if (ctx.caller._id !== wish.recipientId) {
      await auditWish(tx, ctx.caller._id, wish, 'wish.confirm_for', thanks, ctx.now);
    }
    await writeGuard(tx, posterGuard, excluding(posterGuard.wishIds, wish._id), ctx.now);
    return saveWish(tx, {
      ...wish,
      status: 'closed',
      claim: null,
      servedBy: claim,
      thanks,
      confirmedBy: ctx.caller._id,
      points,
      closedAt: ctx.now,
      updatedAt: ctx.now,
    });
  });
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};
