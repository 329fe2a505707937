/**
 * Staff review: approve a wish onto the wall, reject it with a reason the poster sees, or edit
 * it before anyone claims it — the poster's first version is kept, and every act is audited.
 */
import {
  dueAtFor,
  dueDateRefusal,
  editRefusal,
  excluding,
  maskedRecipient,
  reviewRefusal,
} from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import { startOfDay } from '../../core/time';
import { assertCleanText } from '../runtime/content';
import type { Handler } from '../runtime/router';
import { submitImages } from '../moderation/images';
import { auditWish, inWishTransaction, refuse, tell } from './lifecycle';
import {
  contentOf,
  posterGuardId,
  readGuard,
  saveWish,
  stateOf,
  toContact,
  writeGuard,
  type WishFields,
} from './store';
import { toWishView, viewerOf } from './views';

export const review: Handler<'wishes', 'review'> = async (input, ctx) => {
  const reason = input.reason ?? '';
  await assertCleanText(ctx, reason);
  const wish = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    const refusal = reviewRefusal(stateOf(wish), ctx, input.approve, ctx.now);
    if (refusal === 'WISH_DUE_INVALID') throw new AppError(refusal, '期望日期已过，请先修改日期再通过');
    refuse(refusal);
    const changes: Partial<WishFields> = input.approve
      ? {
          status: 'open',
          publishedAt: ctx.now,
          rejectReason: '',
          reviewedBy: ctx.caller._id,
          reviewedAt: ctx.now,
        }
      : { status: 'rejected', rejectReason: reason, reviewedBy: ctx.caller._id, reviewedAt: ctx.now };
    // A rejected wish frees its poster's place.
    const guard = input.approve
      ? null
      : await readGuard(tx, posterGuardId(wish.recipientId), wish.recipientId);
    await auditWish(
      tx,
      ctx.caller._id,
      wish,
      input.approve ? 'wish.approve' : 'wish.reject',
      reason,
      ctx.now,
    );
    // Staff reviewing a wish they posted for a neighbour need no message about it.
    if (wish.postedBy !== ctx.caller._id) {
      await tell(
        tx,
        wish,
        wish.postedBy,
        input.approve
          ? {
              template: 'wish_reviewed',
              title: `心愿已通过审核：${wish.title}`,
              body: '已在心愿墙展示，等待党员认领。',
            }
          : { template: 'wish_reviewed', title: `心愿未通过审核：${wish.title}`, body: `原因：${reason}` },
        ctx.now,
      );
    }
    if (guard) await writeGuard(tx, guard, excluding(guard.wishIds, wish._id), ctx.now);
    return saveWish(tx, { ...wish, ...changes, updatedAt: ctx.now });
  });
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const edit: Handler<'wishes', 'edit'> = async (input, ctx) => {
  const contact = input.contact && toContact(input.contact);
  await assertCleanText(
    ctx,
    input.title,
    input.story,
    input.note,
    contact?.name,
    contact?.building,
    contact?.unit,
  );
  const dueAt = input.wantedBy === undefined ? undefined : dueAtFor(input.wantedBy);
  if (dueAt !== undefined && dueDateRefusal(dueAt, ctx.now)) throw new AppError('WISH_DUE_INVALID');

  const { wish, added } = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    refuse(editRefusal(stateOf(wish), ctx));
    const photos = input.photos ?? wish.photos;
    const changes: Partial<WishFields> = {
      title: input.title ?? wish.title,
      story: input.story ?? wish.story,
      category: input.category ?? wish.category,
      photos,
      ...(input.wantedBy !== undefined && dueAt !== undefined
        ? { wantedBy: startOfDay(input.wantedBy), dueAt }
        : {}),
      ...(contact ? { contact, recipientMasked: maskedRecipient(contact.name, contact.building) } : {}),
      // The poster's own words, as first written, survive every later edit.
      original: wish.original ?? contentOf(wish),
      editedBy: ctx.caller._id,
      editedAt: ctx.now,
      updatedAt: ctx.now,
    };
    await auditWish(tx, ctx.caller._id, wish, 'wish.edit', input.note, ctx.now);
    if (wish.postedBy !== ctx.caller._id) {
      const message = {
        template: 'wish_edited',
        title: `心愿已由社区修改：${wish.title}`,
        body: `修改说明：${input.note}`,
      };
      await tell(tx, wish, wish.postedBy, message, ctx.now);
    }
    const saved = await saveWish(tx, { ...wish, ...changes });
    return { wish: saved, added: photos.filter((p) => !wish.photos.includes(p)) };
  });
  // New photos are checked like any other; removed ones simply leave the wish.
  if (added.length > 0) await submitImages(ctx, { kind: 'wish', id: wish._id }, added);
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};
