/**
 * Posting a wish — by the resident, or by staff for a neighbour without a smartphone — and
 * withdrawing one. Text passes the content check before anything is stored; photos go to the
 * image check once the wish is stored. A new wish waits for staff review before it is public.
 */
import type { InputOf } from '../../core/contract';
import { requestFingerprint } from '../../core/domain/mall';
import {
  MAX_OPEN_WISHES,
  dueAtFor,
  dueDateRefusal,
  excluding,
  including,
  withdrawRefusal,
} from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import { startOfDay } from '../../core/time';
import { assertCleanText } from '../runtime/content';
import type { HandlerContext } from '../runtime/context';
import { inTransaction } from '../runtime/db';
import type { Handler } from '../runtime/router';
import { findUser, type UserDoc } from '../runtime/users';
import { submitImages } from '../moderation/images';
import { auditWish, inWishTransaction, refuse } from './lifecycle';
import {
  findWish,
  newWishDoc,
  posterGuardId,
  readGuard,
  saveWish,
  stateOf,
  toContact,
  wishIdFor,
  writeGuard,
  type WishDoc,
} from './store';
import { toWishView, viewerOf } from './views';

type PostInput = Omit<InputOf<'wishes', 'post'>, 'requestId'> & { requestId: string };

async function createWish(ctx: HandlerContext, recipient: UserDoc, input: PostInput): Promise<WishDoc> {
  const contact = toContact(input.contact);
  await assertCleanText(ctx, input.title, input.story, contact.name, contact.building, contact.unit);
  const dueRefusal = dueDateRefusal(dueAtFor(input.wantedBy), ctx.now);
  if (dueRefusal) throw new AppError(dueRefusal);

  const onBehalf = recipient._id !== ctx.caller._id;
  const photos = input.photos ?? [];
  const id = wishIdFor(ctx.caller._id, input.requestId);
  const fingerprint = requestFingerprint({
    recipient: recipient._id,
    title: input.title,
    story: input.story ?? '',
    category: input.category,
    wantedBy: startOfDay(input.wantedBy),
    photos: photos.join('|'),
    contact: [contact.name, contact.building, contact.unit, contact.phone].join('|'),
  });

  const { wish, created } = await inTransaction(ctx.db, async (tx) => {
    const existing = await findWish(tx, id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw new AppError('REQUEST_REUSED');
      return { wish: existing, created: false };
    }
    const guard = await readGuard(tx, posterGuardId(recipient._id), recipient._id);
    if (guard.wishIds.length >= MAX_OPEN_WISHES) {
      throw new AppError(
        'WISH_OPEN_LIMIT',
        onBehalf ? `该居民已有${MAX_OPEN_WISHES}个进行中的心愿，完成或撤回后再发布` : undefined,
      );
    }
    const fresh = newWishDoc(
      {
        id,
        title: input.title,
        story: input.story ?? '',
        category: input.category,
        photos,
        wantedBy: input.wantedBy,
        recipient,
        contact,
        postedBy: ctx.caller._id,
        fingerprint,
      },
      ctx.now,
    );
    await saveWish(tx, fresh);
    if (onBehalf) await auditWish(tx, ctx.caller._id, fresh, 'wish.post_for', input.title, ctx.now);
    // The poster's guard is written in every transaction that adds or frees an open wish.
    await writeGuard(tx, guard, including(guard.wishIds, id), ctx.now);
    return { wish: fresh, created: true };
  });
  if (created && wish.photos.length > 0) await submitImages(ctx, { kind: 'wish', id: wish._id }, wish.photos);
  return wish;
}

export const post: Handler<'wishes', 'post'> = async (input, ctx) => {
  const wish = await createWish(ctx, ctx.caller, input);
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const postFor: Handler<'wishes', 'postFor'> = async (input, ctx) => {
  const resident = await findUser(ctx.db, input.userId);
  // Acting for someone is for neighbours without a phone; everyone else posts themselves.
  if (!resident?.managed || resident.closedAt) throw new AppError('WISH_MANAGED_ONLY');
  const wish = await createWish(ctx, resident, input);
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const withdraw: Handler<'wishes', 'withdraw'> = async (input, ctx) => {
  const wish = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    refuse(withdrawRefusal(stateOf(wish), { id: ctx.caller._id, roles: ctx.roles }));
    const guard = await readGuard(tx, posterGuardId(wish.recipientId), wish.recipientId);
    if (wish.recipientId !== ctx.caller._id)
      await auditWish(tx, ctx.caller._id, wish, 'wish.withdraw', '', ctx.now);
    await writeGuard(tx, guard, excluding(guard.wishIds, wish._id), ctx.now);
    return saveWish(tx, { ...wish, status: 'withdrawn', updatedAt: ctx.now });
  });
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};
