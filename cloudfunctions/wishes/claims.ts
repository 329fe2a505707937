/**
 * Claiming. A claim writes the wish (one live claim: two claims of one wish conflict on it) and
 * the member's claim guard (at most `claimLimit` live claims: two claims by one member conflict on
 * it), so neither limit can be broken by a race under snapshot isolation. Releasing (the member)
 * and revoking (staff) end the claim the same way the auto-release job does.
 */
import {
  claimRefusal,
  claimerActRefusal,
  including,
  isLiveClaimer,
  revokeRefusal,
} from '../../core/domain/wishes';
import { formatDay } from '../../core/time';
import { assertCleanText } from '../runtime/content';
import type { Handler } from '../runtime/router';
import { displayName } from '../../core/domain/users';
import { auditWish, endClaim, inWishTransaction, refuse, tell } from './lifecycle';
import {
  WISH_CLAIMS,
  claimerGuardId,
  loadWishSettings,
  readGuard,
  saveWish,
  stateOf,
  writeGuard,
  type ClaimFields,
  type LiveClaim,
} from './store';
import { toWishView, viewerOf } from './views';

export const claim: Handler<'wishes', 'claim'> = async (input, ctx) => {
  const me = ctx.caller._id;
  const wish = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    // Read everything first…
    if (isLiveClaimer(stateOf(wish), me)) return wish; // a retry of our own claim
    const guard = await readGuard(tx, claimerGuardId(me), me);
    const { claimLimit } = await loadWishSettings(tx);
    const viewer = { id: me, roles: ctx.roles, openClaims: guard.wishIds.length, claimLimit };
    refuse(claimRefusal(stateOf(wish), viewer, ctx.now));

    // …then write, the contested documents last: the member's guard, then the wish itself. The
    // claim document gets a fresh id, so claims of one wish by different members contend only
    // on the wish.
    const memberName = displayName(ctx.caller);
    const record: ClaimFields = {
      wishId: wish._id,
      wishTitle: wish.title,
      memberId: me,
      memberName,
      status: 'live',
      reason: '',
      claimedAt: ctx.now,
      fulfilledAt: null,
      endedAt: null,
      endedBy: null,
    };
    const { _id: claimId } = await tx.collection(WISH_CLAIMS).add({ data: record });
    const live: LiveClaim = { id: claimId, memberId: me, memberName, claimedAt: ctx.now };
    await tell(
      tx,
      wish,
      wish.postedBy,
      {
        template: 'wish_claimed',
        title: `心愿已被认领：${wish.title}`,
        body: `双报到党员 ${live.memberName} 认领了心愿，会尽快与心愿人联系。`,
      },
      ctx.now,
    );
    await tell(
      tx,
      wish,
      me,
      {
        template: 'wish_claimed',
        title: `认领成功：${wish.title}`,
        body: `请在 ${formatDay(wish.wantedBy)} 前完成；心愿人的联系方式在心愿详情中。`,
      },
      ctx.now,
    );
    await writeGuard(tx, guard, including(guard.wishIds, wish._id), ctx.now);
    return saveWish(tx, { ...wish, status: 'claimed', claim: live, updatedAt: ctx.now });
  });
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const release: Handler<'wishes', 'release'> = async (input, ctx) => {
  await assertCleanText(ctx, input.reason);
  const wish = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    refuse(claimerActRefusal(stateOf(wish), ctx.caller._id));
    const ended = await endClaim(
      tx,
      wish,
      { kind: 'released', reason: input.reason, by: ctx.caller._id },
      ctx.now,
    );
    return saveWish(tx, { ...wish, ...ended });
  });
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

export const revoke: Handler<'wishes', 'revoke'> = async (input, ctx) => {
  await assertCleanText(ctx, input.reason);
  const wish = await inWishTransaction(ctx.db, input.wishId, async (tx, wish) => {
    refuse(revokeRefusal(stateOf(wish), ctx));
    const ended = await endClaim(
      tx,
      wish,
      { kind: 'revoked', reason: input.reason, by: ctx.caller._id },
      ctx.now,
    );
    await auditWish(
      tx,
      ctx.caller._id,
      wish,
      'wish.revoke_claim',
      `${wish.claim?.id}：${input.reason}`,
      ctx.now,
    );
    return saveWish(tx, { ...wish, ...ended });
  });
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};
