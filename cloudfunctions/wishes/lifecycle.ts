/**
 * Steps several actions share, each inside the caller's transaction: telling the poster and the
 * member, and ending a live claim (released, revoked, expired, or the wish hidden). Reads come
 * first and the wish document is written last by the caller, so the document that decides a race
 * is locked for as short a time as possible.
 */
import { excluding, type ClaimEndKind } from '../../core/domain/wishes';
import { AppError, type ErrorCode } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { inTransaction, type Database, type Transaction } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import {
  WISH_CLAIMS,
  claimerGuardId,
  findWish,
  readGuard,
  wishPage,
  writeGuard,
  type ClaimFields,
  type WishDoc,
  type WishFields,
} from './store';

/** Change one wish in a transaction: `work` gets it as read in `tx` (NOT_FOUND when missing). */
export function inWishTransaction<T>(
  db: Database,
  wishId: string,
  work: (tx: Transaction, wish: WishDoc) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (tx) => {
    const wish = await findWish(tx, wishId);
    if (!wish) throw new AppError('NOT_FOUND');
    return work(tx, wish);
  });
}

/** Refuse with the code a rule gave, if it gave one. */
export function refuse(code: ErrorCode | null): void {
  if (code) throw new AppError(code);
}

/** Audit an act on a wish; acting on someone else's wish records whose it is. */
export async function auditWish(
  tx: Transaction,
  actorId: string,
  wish: Pick<WishDoc, '_id' | 'recipientId'>,
  action: string,
  detail: string,
  now: EpochMs,
): Promise<void> {
  await recordAudit(tx, {
    actorId,
    action,
    targetId: wish._id,
    onBehalfOf: actorId === wish.recipientId ? undefined : wish.recipientId,
    detail,
    at: now,
  });
}

export interface Message {
  template: string;
  title: string;
  body: string;
  /** Makes the message once-only (see queueNotification). */
  key?: string;
}

/**
 * Poster and member hear of every step of a claim — the one who took it too, as a receipt (and,
 * for a new claim, a reminder of the date). The poster of a 代发布 wish is the staff member who
 * posted it: the neighbour has no phone.
 */
export async function tell(
  tx: Transaction,
  wish: WishDoc,
  userId: string,
  message: Message,
  now: EpochMs,
): Promise<void> {
  await queueNotification(tx, { ...message, userId, page: wishPage(wish._id) }, now);
}

export interface ClaimEnd {
  kind: ClaimEndKind;
  reason: string;
  /** Who ended it: the member, a staff member, or SYSTEM. */
  by: string;
}

function endMessages(wish: WishDoc, end: ClaimEnd): { member: Message; poster: Message | null } {
  const name = wish.claim?.memberName ?? '';
  const back = '心愿已重新回到心愿墙。';
  switch (end.kind) {
    case 'released':
      return {
        member: {
          template: 'wish_claim_ended',
          title: `已放弃认领：${wish.title}`,
          body: `原因：${end.reason}`,
        },
        poster: {
          template: 'wish_claim_ended',
          title: `认领已放弃：${wish.title}`,
          body: `${name} 放弃了认领（${end.reason}）。${back}`,
        },
      };
    case 'revoked':
      return {
        member: {
          template: 'wish_claim_ended',
          title: `认领已被撤销：${wish.title}`,
          body: `社区工作人员撤销了您的认领，原因：${end.reason}`,
        },
        poster: {
          template: 'wish_claim_ended',
          title: `认领已撤销：${wish.title}`,
          body: `社区撤销了 ${name} 的认领（${end.reason}）。${back}`,
        },
      };
    case 'expired':
      return {
        member: {
          template: 'wish_claim_ended',
          title: `认领已超期释放：${wish.title}`,
          body: '已过期望日期仍未完成，认领已自动释放。',
        },
        poster: {
          template: 'wish_claim_ended',
          title: `心愿认领已到期：${wish.title}`,
          body: '认领的党员未能在期望日期前完成。心愿仍在心愿墙上，社区工作人员会与您商量新的期望日期。',
        },
      };
    case 'hidden':
      return {
        member: {
          template: 'wish_claim_ended',
          title: `认领已解除：${wish.title}`,
          body: '该心愿已被社区屏蔽，您的认领已解除。',
        },
        // The poster is told of the hiding itself (see target.ts).
        poster: null,
      };
    case 'withdrawn':
      return {
        member: {
          template: 'wish_claim_ended',
          title: `心愿已撤回：${wish.title}`,
          body: '心愿人已注销账号，心愿已撤回，您的认领已解除。',
        },
        // The poster is the one who left.
        poster: null,
      };
  }
}

/**
 * End the live claim of `wish` (claimed or fulfilled): the claim document records how, the
 * member's claim guard lets the wish go, both sides are told (once per claim). Returns the
 * changes the caller writes to the wish, last: back on the wall, no claim, no fulfilment.
 */
export async function endClaim(
  tx: Transaction,
  wish: WishDoc,
  end: ClaimEnd,
  now: EpochMs,
): Promise<Partial<WishFields>> {
  const claim = wish.claim;
  if (!claim) throw new Error(`wish ${wish._id} has no live claim to end`);
  const guard = await readGuard(tx, claimerGuardId(claim.memberId), claim.memberId);
  const messages = endMessages(wish, end);

  const claimChanges: Partial<ClaimFields> = {
    status: end.kind,
    reason: end.reason,
    endedAt: now,
    endedBy: end.by,
  };
  await tx.collection(WISH_CLAIMS).doc(claim.id).update({ data: claimChanges });
  await writeGuard(tx, guard, excluding(guard.wishIds, wish._id), now);
  await tell(tx, wish, claim.memberId, { ...messages.member, key: `${claim.id}_ended_member` }, now);
  if (messages.poster) {
    await tell(tx, wish, wish.postedBy, { ...messages.poster, key: `${claim.id}_ended_poster` }, now);
  }
  return { status: 'open', claim: null, fulfilment: null, updatedAt: now };
}
