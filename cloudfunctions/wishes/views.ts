/**
 * Stored wishes → what the contract promises. Every flag comes from core/domain/wishes, so the
 * pages read decisions instead of re-deriving them; private fields are filled only for those the
 * rules allow (contact: the live claimer and staff; reasons and originals: the poster and staff).
 */
import type { WishClaimView, WishId, WishView } from '../../core/contract';
import { reportRefusal } from '../../core/domain/moderation';
import {
  CLAIM_STATUS_LABELS,
  WISH_CATEGORY_LABELS,
  claimRefusal,
  claimerActRefusal,
  confirmRefusal,
  contactVisible,
  editRefusal,
  isDueSoon,
  isLiveClaimer,
  isOverdue,
  isPosterOf,
  isPublicWish,
  maskName,
  reviewRefusal,
  revokeRefusal,
  withdrawRefusal,
  wishStatusLabel,
  type WishViewer,
} from '../../core/domain/wishes';
import { ERROR_MESSAGES } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import type { HandlerContext } from '../runtime/context';
import { claimerGuardId, loadWishSettings, readGuard, stateOf, type ClaimDoc, type WishDoc } from './store';

export interface Viewer extends WishViewer {
  /** Points a fulfilled wish earns now (the settings). */
  points: number;
}

/** Who is asking: their roles and, for members, how many live claims they hold. */
export async function viewerOf(ctx: Pick<HandlerContext, 'db' | 'caller' | 'roles'>): Promise<Viewer> {
  const isMember = ctx.roles.includes('party_member');
  const [settings, guard] = await Promise.all([
    loadWishSettings(ctx.db),
    isMember ? readGuard(ctx.db, claimerGuardId(ctx.caller._id), ctx.caller._id) : null,
  ]);
  return {
    id: ctx.caller._id,
    roles: ctx.roles,
    openClaims: guard?.wishIds.length ?? 0,
    claimLimit: settings.claimLimit,
    points: settings.points,
  };
}

export function toWishView(wish: WishDoc, viewer: Viewer, now: EpochMs): WishView {
  const state = stateOf(wish);
  const isStaff = viewer.roles.includes('staff');
  const isPoster = isPosterOf(state, viewer.id);
  const isClaimer = isLiveClaimer(state, viewer.id);
  const involved = isStaff || isPoster || isClaimer;
  const showContact = contactVisible(state, viewer);
  const claimBlock = claimRefusal(state, viewer, now);
  const person = wish.claim ?? wish.servedBy;
  const reportBlock = reportRefusal({ isPublic: isPublicWish(state), authorId: wish.postedBy }, viewer.id);
  // A hidden wish's photos may be what got it hidden: only staff still see them; its story, only
  // its poster and staff (a former claimer still finds its title in 我认领的).
  const photos = (list: string[]) => (wish.hidden && !isStaff ? [] : list);
  const storyVisible = !wish.hidden || isStaff || isPoster;
  return {
    id: wish._id as WishId,
    title: wish.title,
    story: storyVisible ? wish.story : '',
    category: wish.category,
    categoryLabel: WISH_CATEGORY_LABELS[wish.category],
    photos: photos(wish.photos),
    wantedBy: wish.wantedBy,
    dueAt: wish.dueAt,
    status: wish.status,
    statusLabel: wishStatusLabel(state, now),
    isOverdue: isOverdue(state, now),
    isDueSoon: isDueSoon(state, now),
    recipient: wish.recipientMasked,
    onBehalf: wish.onBehalf,
    contact: showContact
      ? {
          name: wish.contact.name,
          phone: wish.contact.phone,
          address: `${wish.contact.building}${wish.contact.unit}`,
        }
      : null,
    contactVisible: showContact,
    claim: person
      ? {
          memberName:
            involved || person.memberId === viewer.id ? person.memberName : maskName(person.memberName),
          claimedAt: person.claimedAt,
        }
      : null,
    fulfilment:
      involved && wish.fulfilment ? { ...wish.fulfilment, photos: photos(wish.fulfilment.photos) } : null,
    thanks: wish.thanks,
    points: wish.status === 'closed' ? wish.points : viewer.points,
    rejectReason: isStaff || isPoster ? wish.rejectReason : '',
    hiddenReason: isStaff || isPoster ? wish.hiddenReason : '',
    edited: wish.original !== null,
    original:
      (isStaff || isPoster) && wish.original
        ? { ...wish.original, photos: photos(wish.original.photos) }
        : null,
    isPoster,
    isClaimer,
    mayClaim: claimBlock === null,
    claimBlockedReason: claimBlock && !isClaimer ? ERROR_MESSAGES[claimBlock] : '',
    mayRelease: claimerActRefusal(state, viewer.id) === null,
    mayFulfil: claimerActRefusal(state, viewer.id) === null,
    mayConfirm: confirmRefusal(state, viewer) === null,
    mayRevoke: revokeRefusal(state, viewer) === null,
    mayReview: reviewRefusal(state, viewer, false, now) === null,
    mayApprove: reviewRefusal(state, viewer, true, now) === null,
    mayEdit: editRefusal(state, viewer) === null,
    mayWithdraw: withdrawRefusal(state, viewer) === null,
    // Staff take items down themselves (moderation.hideItem) rather than report them.
    mayReport: !isStaff && reportBlock === null,
    mayRestore: isStaff && wish.hidden,
    createdAt: wish.createdAt,
    publishedAt: wish.publishedAt,
    closedAt: wish.closedAt,
  };
}

export function toClaimView(claim: ClaimDoc): WishClaimView {
  return {
    id: claim._id,
    status: claim.status,
    statusLabel: CLAIM_STATUS_LABELS[claim.status],
    reason: claim.reason,
    claimedAt: claim.claimedAt,
    endedAt: claim.endedAt,
  };
}
