/**
 * Closing an account (个人信息保护法). In order:
 *
 * 1. One transaction on the user document anonymises the profile and marks it closed; for a
 *    resident with WeChat it also counts the closure on their openid's first account, so the
 *    next login is a new resident (runtime/users.ts `resolveCaller`). A second close finds it
 *    closed and changes nothing.
 * 2. What the account holds is released, each item in its own transaction with the feature's own
 *    step (mall `closeOrder`, wishes `endClaim`, events `leaveEvent`), which re-reads the item and
 *    acts only if it is still open: so an order is refunded once however many closes race.
 * 3. Copies of the name on other documents (participations, orders, claims, reports, …) are
 *    replaced by 已注销用户, and the resident's messages are deleted. Records themselves stay:
 *    service records (民政部令第67号), the ledger, ballots.
 *
 * Requests already past the router when the account closed may still commit afterwards (a
 * redemption, a sign-up). They cannot outlive the function timeout (10 s), so the
 * `settleClosures` job runs steps 2 and 3 again once SETTLE_AFTER_MS has passed, and only then
 * marks the closure settled — time, instead of a guard document every request would write.
 */
import type { ClosureView } from '../../core/contract';
import { CLOSED_ACCOUNT_NAME } from '../../core/domain/users';
import { excluding } from '../../core/domain/wishes';
import { AppError } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { recordAudit } from '../runtime/audit';
import { findAll, findById, inTransaction, type Database, type Doc } from '../runtime/db';
import { containingAny } from '../runtime/keyword';
import { NOTIFICATIONS, type NotificationFields } from '../runtime/notifications';
import { forEachLimit } from '../runtime/parallel';
import { USERS, findUser, userIdForOpenid, type UserDoc, type UserFields } from '../runtime/users';
import {
  EVENTS,
  PARTICIPATIONS,
  findEvent,
  type EventFields,
  type ParticipationFields,
} from '../events/store';
import { leaveEvent } from '../events/signup';
import { SIGNUP_QUEUE } from '../events/signup-queue';
import { REDEEM_QUEUE } from '../mall/redeem-queue';
import { closeOrder } from '../mall/redeem';
import { ORDERS, STOCK_CHANGES, findOrder, type OrderFields } from '../mall/store';
import { REPORTS } from '../moderation/store';
import { BALLOTS, OBJECTIONS, PROPOSALS } from '../votes/store';
import { endClaim } from '../wishes/lifecycle';
import {
  SYSTEM,
  WISHES,
  WISH_CLAIMS,
  findWish,
  posterGuardId,
  readGuard,
  saveWish,
  writeGuard,
  type WishDoc,
  type WishFields,
} from '../wishes/store';
import { APPLICATIONS, type ApplicationFields } from './applications';

/** Longer than any request can run (the functions time out after 10 s). */
export const SETTLE_AFTER_MS = 60_000;
/** Items released at once: quick, within CloudBase's concurrency quota. */
const IN_FLIGHT = 5;
/** Everything one resident holds fits many times over; the job carries on past it. */
const MAX_ITEMS = 5000;
const SETTLE_BATCH = 50;

export const CLOSED_REASON = '账号已注销';

/** What is left of a profile: nothing that names or reaches the person. */
const ANONYMOUS: Partial<UserFields> = {
  openid: null,
  nickname: CLOSED_ACCOUNT_NAME,
  avatarUrl: '',
  realName: '',
  building: '',
  unit: '',
  phone: '',
  phoneConsentAt: null,
  note: '',
  careMode: false,
  hideFromRankings: true,
  pendingApplicationId: null,
};

export interface Closing {
  userId: string;
  /** The resident's own openid when they close it themselves; null for a managed resident. */
  openid: string | null;
  /** Who closed it: the resident, or the staff member acting for a managed resident. */
  actorId: string;
  reason: string;
}

/** Step 1: anonymise and mark closed, once. Returns when it was closed. */
async function markClosed(db: Database, closing: Closing, now: EpochMs): Promise<EpochMs> {
  return inTransaction(db, async (tx) => {
    const user = await findUser(tx, closing.userId);
    if (!user) throw new AppError('NOT_FOUND');
    if (user.closedAt) return user.closedAt;
    const first = closing.openid ? await findUser(tx, userIdForOpenid(closing.openid)) : null;
    // The caller is their openid's live account, so the count of closures becomes theirs + 1.
    const closures = first ? (first.closures ?? 0) + 1 : undefined;
    const changes: Partial<UserFields> = {
      ...ANONYMOUS,
      closedAt: now,
      closureSettledAt: null,
      namesToScrub: namesOf(user),
      updatedAt: now,
    };
    if (first && first._id === user._id) changes.closures = closures;
    await tx.collection(USERS).doc(user._id).update({ data: changes });
    if (first && first._id !== user._id) {
      await tx
        .collection(USERS)
        .doc(first._id)
        .update({ data: { closures, updatedAt: now } });
    }
    const forSomeoneElse = closing.actorId !== user._id;
    await recordAudit(tx, {
      actorId: closing.actorId,
      action: forSomeoneElse ? 'account.close_for' : 'account.close',
      targetId: user._id,
      onBehalfOf: forSomeoneElse ? user._id : undefined,
      detail: closing.reason,
      at: now,
    });
    return now;
  });
}

/** The names someone could be recognised by in a message (a two-character name at least). */
function namesOf(user: UserDoc): string[] {
  return [...new Set([user.realName, user.nickname])].filter((name) => name.length >= 2);
}

type Released = Omit<ClosureView, 'closedAt'>;

/** Each of `docs` through `release`, a few at a time; how many it released. */
async function releaseEach<T>(docs: T[], release: (doc: T) => Promise<boolean>): Promise<number> {
  let released = 0;
  await forEachLimit(docs, IN_FLIGHT, async (doc) => {
    if (await release(doc)) released += 1;
  });
  return released;
}

/**
 * Sign-ups and redemptions still waiting in their queue (their requester went away, and the
 * queue's job would decide them later): answered "not found" now. Each writes the queued document
 * a drain writes too, so a drain deciding it at the same moment conflicts instead of slipping by.
 */
async function withdrawQueued(db: Database, userId: string, now: EpochMs): Promise<void> {
  for (const queue of [REDEEM_QUEUE, SIGNUP_QUEUE]) {
    const waiting = await findAll<{ status: string }>(
      db.collection(queue).where({ userId, status: 'waiting' }),
      MAX_ITEMS,
    );
    await releaseEach(waiting, ({ _id }) =>
      inTransaction(db, async (tx) => {
        const request = await findById<{ status: string }>(tx, queue, _id);
        if (!request || request.status !== 'waiting') return false;
        await tx
          .collection(queue)
          .doc(_id)
          .update({ data: { status: 'done', outcome: 'NOT_FOUND', message: CLOSED_REASON, decidedAt: now } });
        return true;
      }),
    );
  }
}

async function refundOrders(db: Database, closing: Closing, now: EpochMs): Promise<number> {
  const open = await findAll<OrderFields>(
    db.collection(ORDERS).where({ userId: closing.userId, status: 'awaiting_pickup' }),
    MAX_ITEMS,
  );
  return releaseEach(open, ({ _id }) =>
    inTransaction(db, async (tx) => {
      const order = await findOrder(tx, _id);
      // Picked up, cancelled or expired meanwhile (or by a concurrent close): nothing to refund.
      if (!order || order.status !== 'awaiting_pickup') return false;
      await closeOrder(tx, order, { status: 'cancelled', by: closing.actorId }, now);
      return true;
    }),
  );
}

/**
 * One wish the closed account touches, re-read in its transaction: withdrawn if it was theirs
 * and still open, the claim released if they held it, and their name and contact taken off.
 */
async function settleWish(
  db: Database,
  userId: string,
  wishId: string,
  now: EpochMs,
): Promise<{ withdrawn: boolean; released: boolean }> {
  return inTransaction(db, async (tx) => {
    const found = await findWish(tx, wishId);
    if (!found) return { withdrawn: false, released: false };
    const anonymous = { memberName: CLOSED_ACCOUNT_NAME };
    let wish: WishDoc = {
      ...found,
      claim: found.claim?.memberId === userId ? { ...found.claim, ...anonymous } : found.claim,
      servedBy: found.servedBy?.memberId === userId ? { ...found.servedBy, ...anonymous } : found.servedBy,
    };
    const isRecipient = wish.recipientId === userId;
    const withdraw = isRecipient && ['pending', 'open', 'claimed'].includes(wish.status);
    const release = !isRecipient && wish.status === 'claimed' && wish.claim?.memberId === userId;
    // Reads first (the guard), then the contested documents: the claim ends, the wish last.
    const guard = withdraw ? await readGuard(tx, posterGuardId(userId), userId) : null;
    if (wish.status === 'claimed' && (withdraw || release)) {
      const end = withdraw ? ('withdrawn' as const) : ('released' as const);
      wish = {
        ...wish,
        ...(await endClaim(tx, wish, { kind: end, reason: CLOSED_REASON, by: SYSTEM }, now)),
      };
    }
    if (guard) await writeGuard(tx, guard, excluding(guard.wishIds, wish._id), now);
    const changes: Partial<WishFields> = withdraw ? { status: 'withdrawn' } : {};
    // Help already given waits for a confirmation the recipient can no longer give: staff give
    // it on their behalf, as for a managed resident, so the member is still paid once.
    if (isRecipient && wish.status === 'fulfilled') changes.recipientManaged = true;
    if (isRecipient) {
      changes.contact = { name: '', phone: '', building: '', unit: '' };
      changes.recipientMasked = CLOSED_ACCOUNT_NAME;
      // The posting's fingerprint spells the contact out; nobody can retry that post any more.
      changes.fingerprint = '';
    }
    await saveWish(tx, { ...wish, ...changes, updatedAt: now });
    return { withdrawn: withdraw, released: release };
  });
}

async function settleWishes(db: Database, userId: string, now: EpochMs) {
  const _ = db.command;
  const touched = await findAll<WishFields>(
    db
      .collection(WISHES)
      .where(_.or([{ recipientId: userId }, { 'claim.memberId': userId }, { 'servedBy.memberId': userId }])),
    MAX_ITEMS,
  );
  let withdrawn = 0;
  let released = 0;
  await forEachLimit(touched, IN_FLIGHT, async (w) => {
    const done = await settleWish(db, userId, w._id, now);
    withdrawn += done.withdrawn ? 1 : 0;
    released += done.released ? 1 : 0;
  });
  return { withdrawn, released };
}

/** Sign-ups for events that have not started give their seats to the waitlist. */
async function cancelSignups(db: Database, userId: string, now: EpochMs): Promise<number> {
  const _ = db.command;
  const active = await findAll<ParticipationFields>(
    db.collection(PARTICIPATIONS).where({
      userId,
      status: _.in(['confirmed', 'waitlisted']),
      closedAt: null,
      eventStartAt: _.gt(now),
    }),
    MAX_ITEMS,
  );
  return releaseEach(active, ({ _id, eventId }) =>
    inTransaction(db, async (tx) => {
      const [event, p] = await Promise.all([
        findEvent(tx, eventId),
        findById<ParticipationFields>(tx, PARTICIPATIONS, _id),
      ]);
      if (!event || !p || p.status === 'cancelled' || p.closedAt || event.startAt <= now) return false;
      await leaveEvent(tx, event, p, now);
      return true;
    }),
  );
}

async function withdrawApplications(db: Database, userId: string, now: EpochMs): Promise<number> {
  const pending = await findAll<ApplicationFields>(
    db.collection(APPLICATIONS).where({ userId, status: 'pending' }),
    MAX_ITEMS,
  );
  return releaseEach(pending, ({ _id }) =>
    inTransaction(db, async (tx) => {
      const app = await findById<ApplicationFields>(tx, APPLICATIONS, _id);
      if (!app || app.status !== 'pending') return false;
      await tx
        .collection(APPLICATIONS)
        .doc(_id)
        .update({ data: { status: 'withdrawn', reason: CLOSED_REASON, decidedAt: now } });
      return true;
    }),
  );
}

/** An event's leaders without the closed account: gone from events still to run, unnamed in the past. */
async function settleLeadership(db: Database, userId: string, now: EpochMs): Promise<void> {
  const led = await findAll<EventFields>(db.collection(EVENTS).where({ leaderIds: userId }), MAX_ITEMS);
  await forEachLimit(led, IN_FLIGHT, ({ _id }) =>
    inTransaction(db, async (tx) => {
      const event = await findEvent(tx, _id);
      const index = event ? event.leaderIds.indexOf(userId) : -1;
      if (!event || index < 0) return;
      const stillToRun = event.status !== 'cancelled' && event.endAt > now;
      const leaderIds = stillToRun ? event.leaderIds.filter((id) => id !== userId) : event.leaderIds;
      const leaderNames = stillToRun
        ? event.leaderNames.filter((_name, i) => i !== index)
        : event.leaderNames.map((name, i) => (i === index ? CLOSED_ACCOUNT_NAME : name));
      await tx.collection(EVENTS).doc(event._id).update({ data: { leaderIds, leaderNames } });
    }),
  );
}

/**
 * Messages other residents received name the closed account in their text (「陈建国 认领了心愿」):
 * the name is replaced there too. Found by matching the text, so this reads the messages kept
 * (they are deleted after 180 days) — a cost paid once per closure, not by anyone's request.
 */
async function scrubMessages(db: Database, all: readonly string[]): Promise<void> {
  // A name inside the replacement itself would match again after every scrub.
  const names = all.filter((name) => name && !CLOSED_ACCOUNT_NAME.includes(name));
  if (names.length === 0) return;
  const scrub = (text: string) =>
    names.reduce((out, name) => out.split(name).join(CLOSED_ACCOUNT_NAME), text);
  // A page at a time: a scrubbed message no longer matches, so each page is a new one.
  for (;;) {
    const page = (await db
      .collection(NOTIFICATIONS)
      .where(db.command.or([containingAny(db, names, 'title'), containingAny(db, names, 'body')]))
      .limit(100)
      .get()) as unknown as { data: Doc<NotificationFields>[] };
    if (page.data.length === 0) return;
    await forEachLimit(page.data, IN_FLIGHT, async (n) => {
      await db
        .collection(NOTIFICATIONS)
        .doc(n._id)
        .update({ data: { title: scrub(n.title), body: scrub(n.body) } });
    });
  }
}

/** The copies of the name other documents keep, each replaced in one request per collection. */
async function scrubNames(db: Database, userId: string): Promise<void> {
  const _ = db.command;
  const rename = (collection: string, where: object, field: string) =>
    db
      .collection(collection)
      .where(where)
      .update({ data: { [field]: CLOSED_ACCOUNT_NAME } });
  await Promise.all([
    rename(PARTICIPATIONS, { userId }, 'userName'),
    rename(PARTICIPATIONS, { actedBy: userId }, 'actedByName'),
    rename(ORDERS, { userId }, 'userName'),
    rename(REDEEM_QUEUE, { userId }, 'userName'),
    rename(SIGNUP_QUEUE, { userId }, 'userName'),
    rename(SIGNUP_QUEUE, { actorId: userId }, 'actorName'),
    rename(APPLICATIONS, { userId }, 'applicantName'),
    rename(WISH_CLAIMS, { memberId: userId }, 'memberName'),
    rename(REPORTS, { reporterId: userId }, 'reporterName'),
    rename(PROPOSALS, { authorId: userId }, 'authorName'),
    rename(OBJECTIONS, { userId }, 'authorName'),
    rename(BALLOTS, { recordedBy: userId }, 'recordedByName'),
  ]);
  // A redemption's stock record names the buyer; its id is `redeem_<orderId>`.
  const orders = await findAll<OrderFields>(
    db.collection(ORDERS).where({ userId }).field({ _id: true }),
    MAX_ITEMS,
  );
  for (let i = 0; i < orders.length; i += 100) {
    const ids = orders.slice(i, i + 100).map((o: Doc<unknown>) => `redeem_${o._id}`);
    await rename(STOCK_CHANGES, { _id: _.in(ids) }, 'reason');
  }
  await db.collection(NOTIFICATIONS).where({ userId }).remove();
}

/** Steps 2 and 3: safe to run again and concurrently, each item acting only while still open. */
export async function releaseHoldings(
  db: Database,
  closing: Closing,
  names: readonly string[],
  now: EpochMs,
): Promise<Released> {
  const { userId } = closing;
  // First, so nothing queued becomes an order or a seat after its refund or release below.
  await withdrawQueued(db, userId, now);
  const [ordersRefunded, wishes, signupsCancelled, applicationsWithdrawn] = await Promise.all([
    refundOrders(db, closing, now),
    settleWishes(db, userId, now),
    cancelSignups(db, userId, now),
    withdrawApplications(db, userId, now),
  ]);
  await settleLeadership(db, userId, now);
  // Last: releasing tells the resident (a claim released…), and those messages go too.
  await scrubNames(db, userId);
  await scrubMessages(db, names);
  return {
    ordersRefunded,
    claimsReleased: wishes.released,
    wishesWithdrawn: wishes.withdrawn,
    signupsCancelled,
    applicationsWithdrawn,
  };
}

/** Close an account now: mark it, then release at once what it holds (the job checks again later). */
export async function closeAccountOf(db: Database, closing: Closing, now: EpochMs): Promise<ClosureView> {
  const closedAt = await markClosed(db, closing, now);
  const closed = await findUser(db, closing.userId);
  return { closedAt, ...(await releaseHoldings(db, closing, closed?.namesToScrub ?? [], now)) };
}

/** The job's part: closures old enough that nothing started before them can still commit. */
export async function settleClosures(db: Database, now: EpochMs): Promise<number> {
  // A batch a run; the next run takes the rest.
  const due = (await db
    .collection(USERS)
    .where({ closedAt: db.command.lte(now - SETTLE_AFTER_MS), closureSettledAt: null })
    .orderBy('closedAt', 'asc')
    .limit(SETTLE_BATCH)
    .get()) as unknown as { data: UserDoc[] };
  let settled = 0;
  for (const user of due.data) {
    const closing = { userId: user._id, openid: null, actorId: SYSTEM, reason: CLOSED_REASON };
    try {
      await releaseHoldings(db, closing, user.namesToScrub ?? [], now);
      // Settled: the names it went by are needed no more.
      await db
        .collection(USERS)
        .doc(user._id)
        .update({ data: { closureSettledAt: now, namesToScrub: [] } });
      settled += 1;
    } catch (error) {
      // One closure that fails (and is retried next run) must not hold the others back.
      console.error(`[settleClosures] ${user._id}`, error);
    }
  }
  return settled;
}
