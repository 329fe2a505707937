/**
 * The wishes collections. Each invariant lives in one document that every change to it writes,
 * so snapshot isolation cannot let two transactions break it together (write skew):
 * - the wish document holds its one live claim (`claim`);
 * - `wish_guards/claimer_<memberId>` lists the wishes a member holds live claims on (≤ limit);
 * - `wish_guards/poster_<recipientId>` lists a poster's open wishes (≤ MAX_OPEN_WISHES).
 * No document is written by everyone (no counters): the board counts with queries.
 */
import { createHash } from 'crypto';
import {
  DEFAULT_CLAIM_LIMIT,
  DEFAULT_WISH_POINTS,
  LIVE_CLAIM_STATUSES,
  dueAtFor,
  maskedRecipient,
  type ClaimStatus,
  type WishCategory,
  type WishState,
  type WishStatus,
} from '../../core/domain/wishes';
import { pageUrl } from '../../core/routes';
import { startOfDay, type EpochMs } from '../../core/time';
import { CONFIG } from '../runtime/config';
import { findById, withoutId, type Doc, type DocReader, type Transaction } from '../runtime/db';

export const WISHES = 'wishes';
export const WISH_CLAIMS = 'wish_claims';
export const WISH_GUARDS = 'wish_guards';
const SETTINGS_ID = 'wishes';
/** Who acts when a job does. */
export const SYSTEM = 'system';

export interface WishContact {
  name: string;
  phone: string;
  building: string;
  unit: string;
}

/** The contact as typed (optional parts empty). */
export function toContact(input: {
  name: string;
  building: string;
  unit?: string;
  phone?: string;
}): WishContact {
  return { name: input.name, building: input.building, unit: input.unit ?? '', phone: input.phone ?? '' };
}

/** What the poster wrote (and staff may edit; the first version is kept as `original`). */
export interface WishContent {
  title: string;
  story: string;
  category: WishCategory;
  photos: string[];
}

export interface LiveClaim {
  id: string;
  memberId: string;
  memberName: string;
  claimedAt: EpochMs;
}

export interface WishFields extends WishContent {
  /** Start of the wanted-by day; the wish is due at `dueAt`, the end of that day. */
  wantedBy: EpochMs;
  dueAt: EpochMs;
  recipientId: string;
  recipientManaged: boolean;
  /** `王** · 3栋`, computed when the contact is written. */
  recipientMasked: string;
  /** Private: only the live claimer and staff ever see it. */
  contact: WishContact;
  postedBy: string;
  onBehalf: boolean;
  /** What the posting request asked for, so a retry with other content is refused. */
  fingerprint: string;
  status: WishStatus;
  hidden: boolean;
  hiddenReason: string;
  hiddenAt: EpochMs | null;
  rejectReason: string;
  reviewedBy: string | null;
  reviewedAt: EpochMs | null;
  original: WishContent | null;
  editedBy: string | null;
  editedAt: EpochMs | null;
  /** Set exactly while the status is claimed or fulfilled. */
  claim: LiveClaim | null;
  fulfilment: { note: string; photos: string[]; at: EpochMs } | null;
  /** The member who fulfilled a closed wish. */
  servedBy: LiveClaim | null;
  thanks: string;
  confirmedBy: string | null;
  /** Points paid on confirmation. */
  points: number;
  publishedAt: EpochMs | null;
  closedAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
export type WishDoc = Doc<WishFields>;

/** One document per claim, kept after it ends: 我认领的, the reason a member sees, the record. */
export interface ClaimFields {
  wishId: string;
  wishTitle: string;
  memberId: string;
  memberName: string;
  status: ClaimStatus;
  reason: string;
  claimedAt: EpochMs;
  fulfilledAt: EpochMs | null;
  endedAt: EpochMs | null;
  endedBy: string | null;
}
export type ClaimDoc = Doc<ClaimFields>;

export interface GuardFields {
  userId: string;
  wishIds: string[];
  updatedAt: EpochMs;
}
export type GuardDoc = Doc<GuardFields>;

export interface WishSettings {
  claimLimit: number;
  points: number;
}

export const findWish = (source: DocReader, id: string) => findById<WishFields>(source, WISHES, id);

export interface NewWish extends WishContent {
  id: string;
  wantedBy: EpochMs;
  recipient: { _id: string; managed: boolean };
  contact: WishContact;
  postedBy: string;
  fingerprint: string;
}

/** A freshly posted wish, waiting for review. */
export function newWishDoc(wish: NewWish, now: EpochMs): WishDoc {
  return {
    _id: wish.id,
    title: wish.title,
    story: wish.story,
    category: wish.category,
    photos: wish.photos,
    wantedBy: startOfDay(wish.wantedBy),
    dueAt: dueAtFor(wish.wantedBy),
    recipientId: wish.recipient._id,
    recipientManaged: wish.recipient.managed,
    recipientMasked: maskedRecipient(wish.contact.name, wish.contact.building),
    contact: wish.contact,
    postedBy: wish.postedBy,
    onBehalf: wish.postedBy !== wish.recipient._id,
    fingerprint: wish.fingerprint,
    status: 'pending',
    hidden: false,
    hiddenReason: '',
    hiddenAt: null,
    rejectReason: '',
    reviewedBy: null,
    reviewedAt: null,
    original: null,
    editedBy: null,
    editedAt: null,
    claim: null,
    fulfilment: null,
    servedBy: null,
    thanks: '',
    confirmedBy: null,
    points: 0,
    publishedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Write the whole wish. `update` merges nested objects field by field (and CloudBase cannot set
 * `claim.id` on a null `claim`), so a wish — which has several — is always replaced whole.
 */
export async function saveWish(tx: Transaction, wish: WishDoc): Promise<WishDoc> {
  await tx
    .collection(WISHES)
    .doc(wish._id)
    .set({ data: withoutId(wish) });
  return wish;
}

/** A poster's request id makes their post idempotent: a retry finds the wish it created. */
export function wishIdFor(posterId: string, requestId: string): string {
  return 'w' + createHash('sha256').update(`${posterId}:${requestId}`).digest('hex').slice(0, 24);
}

export const posterGuardId = (userId: string) => `poster_${userId}`;
export const claimerGuardId = (userId: string) => `claimer_${userId}`;

export async function readGuard(source: DocReader, id: string, userId: string): Promise<GuardDoc> {
  return (
    (await findById<GuardFields>(source, WISH_GUARDS, id)) ?? { _id: id, userId, wishIds: [], updatedAt: 0 }
  );
}

/** Write a guard's new list; nothing when it did not change. */
export async function writeGuard(tx: Transaction, guard: GuardDoc, wishIds: string[], now: EpochMs) {
  if (wishIds.length === guard.wishIds.length && wishIds.every((id, i) => id === guard.wishIds[i])) return;
  await tx
    .collection(WISH_GUARDS)
    .doc(guard._id)
    .set({ data: withoutId({ ...guard, wishIds, updatedAt: now }) });
}

export async function loadWishSettings(source: DocReader): Promise<WishSettings> {
  const saved = await findById<Partial<WishSettings>>(source, CONFIG, SETTINGS_ID);
  return {
    claimLimit: saved?.claimLimit ?? DEFAULT_CLAIM_LIMIT,
    points: saved?.points ?? DEFAULT_WISH_POINTS,
  };
}

export async function saveWishSettings(tx: Transaction, settings: WishSettings): Promise<void> {
  await tx.collection(CONFIG).doc(SETTINGS_ID).set({ data: settings });
}

/** What the pure rules read from a stored wish. */
export function stateOf(wish: WishDoc): WishState {
  return {
    status: wish.status,
    hidden: wish.hidden,
    dueAt: wish.dueAt,
    recipientId: wish.recipientId,
    recipientManaged: wish.recipientManaged,
    postedBy: wish.postedBy,
    claimerId: wish.claim && LIVE_CLAIM_STATUSES.includes(wish.status) ? wish.claim.memberId : null,
  };
}

export function contentOf(wish: WishContent): WishContent {
  return { title: wish.title, story: wish.story, category: wish.category, photos: [...wish.photos] };
}

/** The page a wish's messages open. */
export const wishPage = (wishId: string) => pageUrl('wishDetail', { id: wishId });
