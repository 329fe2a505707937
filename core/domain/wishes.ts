/**
 * 微心愿: residents' small wishes, claimed and fulfilled by verified 双报到 party members.
 * Pure rules: the `wishes` function enforces them inside its transactions, and computes from
 * the same functions the flags the pages read (mayClaim, contactVisible, …), so a page never
 * re-derives a rule and can never disagree with the server.
 *
 *   pending ─approve→ open ─claim→ claimed ─fulfil→ fulfilled ─confirm→ closed
 *      │                │  ↖──release / revoke / expire / hide──┘          │
 *      └reject→ rejected └withdraw→ withdrawn        ↖─────revoke──────────┘
 *
 * `hidden` is a moderation flag beside the status (an upheld report or a risky image): a hidden
 * wish is off the wall whatever its status, and cannot be approved or claimed.
 */
import type { ErrorCode } from '../errors';
import { DAY_MS, startOfDay, type EpochMs } from '../time';
import type { Role } from './roles';

export const WISH_CATEGORIES = ['goods', 'service', 'company', 'other'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];
export const WISH_CATEGORY_LABELS: Record<WishCategory, string> = {
  goods: '物品',
  service: '服务',
  company: '陪伴',
  other: '其他',
};

export const WISH_STATUSES = [
  'pending',
  'rejected',
  'open',
  'claimed',
  'fulfilled',
  'closed',
  'withdrawn',
] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

/** The statuses neighbours may see on the wall (when not hidden). */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['open', 'claimed', 'fulfilled', 'closed'];
/** A wish in one of these holds one of its poster's open-wish places. */
export const OPEN_STATUSES: readonly WishStatus[] = ['pending', 'open', 'claimed', 'fulfilled'];
/** A wish in one of these has a live claim: the claimer sees the contact details. */
export const LIVE_CLAIM_STATUSES: readonly WishStatus[] = ['claimed', 'fulfilled'];

/** The wall's status filter: what a neighbour means by 待认领 / 已认领 / 已完成. */
export const WALL_FILTERS = ['open', 'claimed', 'closed'] as const;
export type WallFilter = (typeof WALL_FILTERS)[number];
export const WALL_FILTER_STATUSES: Record<WallFilter, readonly WishStatus[]> = {
  open: ['open'],
  claimed: ['claimed', 'fulfilled'],
  closed: ['closed'],
};

/** How a claim ended, or where it stands. */
export const CLAIM_STATUSES = [
  'live',
  'fulfilled',
  'closed',
  'released',
  'revoked',
  'expired',
  'hidden',
  'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** `withdrawn`: the wish's recipient closed their account, so the wish was withdrawn. */
export type ClaimEndKind = Extract<ClaimStatus, 'released' | 'revoked' | 'expired' | 'hidden' | 'withdrawn'>;
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  live: '进行中',
  fulfilled: '待确认',
  closed: '已完成',
  released: '已放弃',
  revoked: '已被撤销',
  expired: '超期已释放',
  hidden: '心愿已屏蔽',
  withdrawn: '心愿已撤回',
};

/** Issue #10: a poster has at most 3 open wishes, each with at most 3 photos. */
export const MAX_OPEN_WISHES = 3;
export const MAX_WISH_PHOTOS = 3;
/** A wish may be wanted at most this far ahead. */
export const MAX_WANTED_DAYS = 90;
/** Defaults of the staff-configurable settings. */
export const DEFAULT_CLAIM_LIMIT = 3;
export const DEFAULT_WISH_POINTS = 5;
/** A wish due within this long is flagged 即将到期. */
export const DUE_SOON_MS = 3 * DAY_MS;

/** What the rules need to know about a wish. */
export interface WishState {
  status: WishStatus;
  hidden: boolean;
  dueAt: EpochMs;
  recipientId: string;
  /** The recipient has no phone of their own: staff act for them. */
  recipientManaged: boolean;
  /** Who posted it: the recipient, or the staff member who posted on their behalf. */
  postedBy: string;
  /** The member holding the live claim; null without one. */
  claimerId: string | null;
}

/** Who is looking, and what limits apply to them. */
export interface WishViewer {
  id: string;
  roles: readonly Role[];
  /** Live claims the viewer holds (their claim guard). */
  openClaims: number;
  claimLimit: number;
}

/** The wanted-by day ends at midnight community time: a wish is due then. */
export function dueAtFor(wantedBy: EpochMs): EpochMs {
  return startOfDay(wantedBy) + DAY_MS;
}

/** The wanted-by day must be today or later, and within MAX_WANTED_DAYS. */
export function dueDateRefusal(dueAt: EpochMs, now: EpochMs): ErrorCode | null {
  const latest = startOfDay(now) + (MAX_WANTED_DAYS + 1) * DAY_MS;
  return dueAt > now && dueAt <= latest ? null : 'WISH_DUE_INVALID';
}

export function isPastDue(dueAt: EpochMs, now: EpochMs): boolean {
  return now >= dueAt;
}

/** Still waiting for help (on the wall or claimed) and past its day. */
export function isOverdue(wish: Pick<WishState, 'status' | 'dueAt'>, now: EpochMs): boolean {
  return (wish.status === 'open' || wish.status === 'claimed') && isPastDue(wish.dueAt, now);
}

export function isDueSoon(wish: Pick<WishState, 'status' | 'dueAt'>, now: EpochMs): boolean {
  return (
    (wish.status === 'open' || wish.status === 'claimed') &&
    !isOverdue(wish, now) &&
    wish.dueAt - now <= DUE_SOON_MS
  );
}

export function isPublicWish(wish: Pick<WishState, 'status' | 'hidden'>): boolean {
  return !wish.hidden && PUBLIC_STATUSES.includes(wish.status);
}

const isStaff = (viewer: Pick<WishViewer, 'roles'>) => viewer.roles.includes('staff');

/** The recipient, or whoever posted it for them. */
export function isPosterOf(wish: Pick<WishState, 'recipientId' | 'postedBy'>, viewerId: string): boolean {
  return wish.recipientId === viewerId || wish.postedBy === viewerId;
}

export function isLiveClaimer(wish: Pick<WishState, 'status' | 'claimerId'>, viewerId: string): boolean {
  return wish.claimerId === viewerId && LIVE_CLAIM_STATUSES.includes(wish.status);
}

/** Anyone sees a public wish; otherwise only its poster, its live claimer and staff. */
export function mayViewWish(wish: WishState, viewer: Pick<WishViewer, 'id' | 'roles'>): boolean {
  return (
    isPublicWish(wish) || isStaff(viewer) || isPosterOf(wish, viewer.id) || isLiveClaimer(wish, viewer.id)
  );
}

/**
 * Phone, full address and full name: to the member holding the live claim (they need them to
 * help) and to staff; to no one else — not the wall, not a member whose claim ended.
 */
export function contactVisible(wish: WishState, viewer: Pick<WishViewer, 'id' | 'roles'>): boolean {
  return isStaff(viewer) || isLiveClaimer(wish, viewer.id);
}

/** Why `viewer` may not claim `wish` now; null when they may. */
export function claimRefusal(wish: WishState, viewer: WishViewer, now: EpochMs): ErrorCode | null {
  if (!viewer.roles.includes('party_member')) return 'WISH_NOT_MEMBER';
  if (!isPublicWish(wish)) return 'WISH_NOT_CLAIMABLE';
  if (wish.status !== 'open') return wish.status === 'closed' ? 'WISH_NOT_CLAIMABLE' : 'WISH_TAKEN';
  // Staff who posted for a neighbour count as the poster: nobody claims what they posted.
  if (isPosterOf(wish, viewer.id)) return 'WISH_OWN';
  if (isPastDue(wish.dueAt, now)) return 'WISH_OVERDUE';
  if (viewer.openClaims >= viewer.claimLimit) return 'WISH_CLAIM_LIMIT';
  return null;
}

/** Release (by the member) and fulfil both need the live, not yet fulfilled claim. */
export function claimerActRefusal(wish: WishState, viewerId: string): ErrorCode | null {
  if (wish.claimerId !== viewerId || !LIVE_CLAIM_STATUSES.includes(wish.status)) return 'WISH_NOT_CLAIMER';
  return wish.status === 'claimed' ? null : 'WISH_NOT_CLAIMED';
}

/** Staff revoke a live claim, also one already marked fulfilled (e.g. the proof is false). */
export function revokeRefusal(wish: WishState, viewer: Pick<WishViewer, 'roles'>): ErrorCode | null {
  if (!isStaff(viewer)) return 'FORBIDDEN';
  return LIVE_CLAIM_STATUSES.includes(wish.status) ? null : 'WISH_NOT_CLAIMED';
}

/** The recipient confirms receipt; staff confirm for a neighbour without a phone. */
export function confirmRefusal(wish: WishState, viewer: Pick<WishViewer, 'id' | 'roles'>): ErrorCode | null {
  const mayAct = wish.recipientManaged ? isStaff(viewer) : viewer.id === wish.recipientId;
  if (!mayAct) return 'WISH_NOT_RECIPIENT';
  return wish.status === 'fulfilled' ? null : 'WISH_NOT_FULFILLED';
}

export function reviewRefusal(
  wish: WishState,
  viewer: Pick<WishViewer, 'roles'>,
  approve: boolean,
  now: EpochMs,
): ErrorCode | null {
  if (!isStaff(viewer)) return 'FORBIDDEN';
  if (wish.status !== 'pending') return 'WISH_REVIEWED';
  if (approve && wish.hidden) return 'WISH_HIDDEN';
  if (approve && isPastDue(wish.dueAt, now)) return 'WISH_DUE_INVALID';
  return null;
}

/** Staff edit a wish before anyone has claimed it (a claimer agreed to what they read). */
export function editRefusal(wish: WishState, viewer: Pick<WishViewer, 'roles'>): ErrorCode | null {
  if (!isStaff(viewer)) return 'FORBIDDEN';
  return wish.status === 'pending' || wish.status === 'open' ? null : 'WISH_NOT_EDITABLE';
}

/** The poster withdraws a wish nobody has claimed; staff may for a neighbour they look after. */
export function withdrawRefusal(wish: WishState, viewer: Pick<WishViewer, 'id' | 'roles'>): ErrorCode | null {
  if (!isPosterOf(wish, viewer.id) && !(isStaff(viewer) && wish.recipientManaged)) return 'FORBIDDEN';
  return wish.status === 'pending' || wish.status === 'open' ? null : 'WISH_NOT_WITHDRAWABLE';
}

/** What the pages show for a wish's state. */
export function wishStatusLabel(wish: Pick<WishState, 'status' | 'hidden' | 'dueAt'>, now: EpochMs): string {
  if (wish.hidden) return '已屏蔽';
  if (isOverdue(wish, now)) return wish.status === 'open' ? '已逾期' : '已认领（逾期）';
  const labels: Record<WishStatus, string> = {
    pending: '待审核',
    rejected: '未通过',
    open: '待认领',
    claimed: '已认领',
    fulfilled: '待确认',
    closed: '已完成',
    withdrawn: '已撤回',
  };
  return labels[wish.status];
}

/** `王秀珍` → `王**`: the surname only, and never the name's length. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}**` : '居民';
}

/** `3号楼` / `3栋` / `3幢` → `3栋`; other building names are kept as written. */
export function maskBuilding(building: string): string {
  const number = /^\s*(\d+)\s*(号楼|号|栋|幢|楼)?\s*$/.exec(building);
  return number ? `${number[1]}栋` : building.trim();
}

/** The recipient as the wall shows them: `王** · 3栋`. */
export function maskedRecipient(name: string, building: string): string {
  const where = maskBuilding(building);
  return where ? `${maskName(name)} · ${where}` : maskName(name);
}

/** A guard document's list with `id` added (once). */
export function including(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}

/** A guard document's list without `id`. */
export function excluding(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}
