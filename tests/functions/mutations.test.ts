/**
 * The race tests have teeth. Each case races the real action and a deliberately broken variant
 * of it the same way, and checks the invariant the race tests check: the variant breaks it (so
 * the stand-in really interleaves requests and isolates transactions as CloudBase does), the
 * real code keeps it. At latency 0 (every request still yields) and at 10 ms.
 *
 * The bugs are the classic ones: a hot document read outside the transaction that then writes
 * it (stock, seats), a guard read inside the transaction but written in another one (write
 * skew), and uniqueness by "query, then add" instead of a deterministic document id.
 */
import type { ActionName, FunctionName, InputOf } from '../../core/contract';
import { checkRedeem, requestFingerprint } from '../../core/domain/mall';
import { ledgerKey } from '../../core/domain/points';
import { claimRefusal, including } from '../../core/domain/wishes';
import { placeSignup } from '../../core/domain/events';
import { AppError, type Result } from '../../core/errors';
import * as events from '../../cloudfunctions/events';
import * as mall from '../../cloudfunctions/mall';
import * as votes from '../../cloudfunctions/votes';
import * as wishes from '../../cloudfunctions/wishes';
import { findEvent, participationId, EVENTS, PARTICIPATIONS } from '../../cloudfunctions/events/store';
import { toEventView } from '../../cloudfunctions/events/views';
import { newOrder } from '../../cloudfunctions/mall/redeem-queue';
import {
  GOODS,
  ORDERS,
  currentUsage,
  findGoods,
  orderIdFor,
  usageKeyFor,
} from '../../cloudfunctions/mall/store';
import { toOrderView } from '../../cloudfunctions/mall/views';
import { loadAccount, postEntry } from '../../cloudfunctions/points/ledger';
import { inTransaction, withoutId } from '../../cloudfunctions/runtime/db';
import { createRouter, type Handler, type Handlers } from '../../cloudfunctions/runtime/router';
import { BALLOTS, findRound } from '../../cloudfunctions/votes/store';
import { toReceipt } from '../../cloudfunctions/votes/views';
import {
  WISH_CLAIMS,
  claimerGuardId,
  findWish,
  loadWishSettings,
  readGuard,
  saveWish,
  stateOf,
  writeGuard,
} from '../../cloudfunctions/wishes/store';
import { toWishView, viewerOf } from '../../cloudfunctions/wishes/views';
import { STAFF as EVENTS_STAFF, publishedEvent } from '../support/events';
import { createGoods, givePoints } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { openRound, readyProposals, startVoting } from '../support/votes';
import { community, openWish, MEMBER } from '../support/wishes';

type Variant = 'real' | 'broken';
type Caller = <F extends FunctionName, A extends ActionName<F>>(
  openid: string,
  fn: F,
  action: A,
  input: InputOf<F, A>,
) => Promise<Result<unknown>>;

/** Call through the function's real router, or through one with a single handler swapped. */
function callerFor<F extends FunctionName>(
  cloud: TestCloud,
  variant: Variant,
  fn: F,
  handlers: Handlers<F>,
  swapped: Partial<Handlers<F>>,
): Caller {
  const route = variant === 'real' ? undefined : createRouter(fn, { ...handlers, ...swapped });
  return (openid, target, action, input) =>
    route && (target as string) === fn
      ? route({ action, input }, { openid }, cloud.deps)
      : (cloud.call(openid, target, action, input) as Promise<Result<unknown>>);
}

// ---- the broken variants --------------------------------------------------------------------

/** BUG: the goods are read before the transaction, so its stock write is based on a stale copy. */
const redeemReadingStockOutside: Handler<'mall', 'redeem'> = async (input, ctx) => {
  const goods = await findGoods(ctx.db, input.goodsId);
  if (!goods) throw new AppError('NOT_FOUND');
  const userId = ctx.caller._id;
  const orderId = orderIdFor(userId, input.requestId);
  const order = await inTransaction(ctx.db, async (tx) => {
    const account = await loadAccount(tx, userId);
    const usage = currentUsage(account.usage, ctx.now);
    const usageKey = usageKeyFor(goods._id, ctx.now);
    const cost = checkRedeem({
      goods,
      quantity: input.quantity,
      balance: account.balance,
      usedThisMonth: usage[usageKey] ?? 0,
    });
    const intent = {
      target: goods._id,
      userId,
      userName: ctx.caller.nickname,
      quantity: input.quantity,
      fingerprint: requestFingerprint({ goodsId: goods._id, quantity: input.quantity }),
      pickupDays: 3,
      requestedAt: ctx.now,
    };
    const made = newOrder(orderId, intent, goods, cost, usageKey, ctx.now);
    await tx
      .collection(GOODS)
      .doc(goods._id)
      .update({ data: { stock: goods.stock - input.quantity } });
    await tx
      .collection(ORDERS)
      .doc(orderId)
      .set({ data: withoutId(made) });
    await postEntry(
      tx,
      account,
      {
        key: ledgerKey.redeem(orderId),
        userId,
        amount: -cost,
        kind: 'redeem',
        reason: goods.name,
        sourceType: 'order',
        sourceId: orderId,
        operatorId: null,
      },
      ctx.now,
    );
    return made;
  });
  return toOrderView(order);
};

/** BUG: the event is read before the transaction; its seat count is written from that copy. */
const signUpReadingEventOutside: Handler<'events', 'signUp'> = async (input, ctx) => {
  const event = await findEvent(ctx.db, input.eventId);
  if (!event) throw new AppError('NOT_FOUND');
  const status = placeSignup(event, ctx.now);
  const id = participationId(event._id, ctx.caller._id);
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .collection(PARTICIPATIONS)
      .doc(id)
      .set({ data: { eventId: event._id, userId: ctx.caller._id, status } });
    await tx
      .collection(EVENTS)
      .doc(event._id)
      .update({
        data:
          status === 'confirmed'
            ? { confirmedCount: event.confirmedCount + 1 }
            : { waitlist: [...event.waitlist, ctx.caller._id] },
      });
  });
  return toEventView(event, ctx.now, ctx.caller, null);
};

/** BUG: the member's claim guard is read in the claim's transaction but written in another one. */
const claimWritingGuardLater: Handler<'wishes', 'claim'> = async (input, ctx) => {
  const me = ctx.caller._id;
  await inTransaction(ctx.db, async (tx) => {
    const wish = await findWish(tx, input.wishId);
    if (!wish) throw new AppError('NOT_FOUND');
    const guard = await readGuard(tx, claimerGuardId(me), me);
    const { claimLimit } = await loadWishSettings(tx);
    const refusal = claimRefusal(
      stateOf(wish),
      { id: me, roles: ctx.roles, openClaims: guard.wishIds.length, claimLimit },
      ctx.now,
    );
    if (refusal) throw new AppError(refusal);
    const live = { id: `c-${wish._id}`, memberId: me, memberName: ctx.caller.nickname, claimedAt: ctx.now };
    await tx.collection(WISH_CLAIMS).add({ data: { wishId: wish._id, memberId: me, status: 'live' } });
    await saveWish(tx, { ...wish, status: 'claimed', claim: live, updatedAt: ctx.now });
  });
  await inTransaction(ctx.db, async (tx) => {
    const guard = await readGuard(tx, claimerGuardId(me), me);
    await writeGuard(tx, guard, including(guard.wishIds, input.wishId), ctx.now);
  });
  const wish = await findWish(ctx.db, input.wishId);
  if (!wish) throw new AppError('NOT_FOUND');
  return toWishView(wish, await viewerOf(ctx), ctx.now);
};

/** BUG: "one ballot each" by looking for one first, then adding under a fresh id. */
const castBallotByQueryThenAdd: Handler<'votes', 'castBallot'> = async (input, ctx) => {
  const round = await findRound(ctx.db, input.roundId);
  if (!round) throw new AppError('NOT_FOUND');
  const earlier = (await ctx.db
    .collection(BALLOTS)
    .where({ roundId: round._id, userId: ctx.caller._id })
    .count()) as { total: number };
  if (earlier.total > 0) throw new AppError('BALLOT_ALREADY_CAST');
  const ballot = {
    roundId: round._id,
    userId: ctx.caller._id,
    choices: input.choices,
    totalCost: 0,
    channel: 'online' as const,
    recordedBy: null,
    recordedByName: '',
    castAt: ctx.now,
  };
  const { _id } = await inTransaction(ctx.db, (tx) => tx.collection(BALLOTS).add({ data: ballot }));
  return toReceipt(round, { _id, ...ballot });
};

// ---- the races, each measuring the invariant it guards ----------------------------------------

const LATENCIES = [0, 10];

async function oversold(
  latencyMs: number,
  variant: Variant,
): Promise<{ sold: number; stock: number; initial: number }> {
  const cloud = startTestCloud({ latencyMs });
  try {
    await cloud.addUser('wx-staff', ['staff']);
    const initial = 5;
    const goods = await createGoods(cloud, {
      price: 1,
      initialStock: initial,
      perOrderLimit: 1,
      perMonthLimit: 1,
    });
    const buyers = Array.from({ length: 40 }, (_, i) => `wx-buyer-${i}`);
    for (const openid of buyers) await givePoints(cloud, await cloud.addUser(openid), 10);
    const call = callerFor(cloud, variant, 'mall', mall.handlers, { redeem: redeemReadingStockOutside });
    await Promise.all(
      buyers.map((openid, i) =>
        call(openid, 'mall', 'redeem', { goodsId: goods.id, quantity: 1, requestId: `race-${i}-request` }),
      ),
    );
    const after = await findGoods(cloud.deps.db, goods.id);
    return { sold: await cloud.count(ORDERS), stock: after?.stock ?? NaN, initial };
  } finally {
    cloud.close();
  }
}

async function overbooked(
  latencyMs: number,
  variant: Variant,
): Promise<{ seated: number; capacity: number }> {
  const cloud = startTestCloud({ latencyMs });
  try {
    await cloud.addUser(EVENTS_STAFF, ['staff']);
    const capacity = 5;
    const event = await publishedEvent(cloud, { capacity });
    const people = Array.from({ length: 30 }, (_, i) => `wx-p${i}`);
    for (const openid of people) await cloud.addUser(openid);
    const call = callerFor(cloud, variant, 'events', events.handlers, { signUp: signUpReadingEventOutside });
    await Promise.all(people.map((openid) => call(openid, 'events', 'signUp', { eventId: event.id })));
    return {
      seated: await cloud.count(PARTICIPATIONS, { eventId: event.id, status: 'confirmed' }),
      capacity,
    };
  } finally {
    cloud.close();
  }
}

async function overClaimed(latencyMs: number, variant: Variant): Promise<{ live: number; limit: number }> {
  const cloud = startTestCloud({ latencyMs });
  try {
    const { memberId } = await community(cloud);
    const limit = 2;
    await cloud.ok('wx-staff', 'wishes', 'saveSettings', { claimLimit: limit, points: 5 });
    const wall = [];
    for (let i = 0; i < 6; i += 1) {
      await cloud.addUser(`wx-poster-${i}`);
      wall.push(await openWish(cloud, `wx-poster-${i}`));
    }
    const call = callerFor(cloud, variant, 'wishes', wishes.handlers, { claim: claimWritingGuardLater });
    await Promise.all(wall.map((wish) => call(MEMBER, 'wishes', 'claim', { wishId: wish.id })));
    const claimed = await cloud.count('wishes', { status: 'claimed', 'claim.memberId': memberId });
    return { live: claimed, limit };
  } finally {
    cloud.close();
  }
}

async function doubleVoted(latencyMs: number, variant: Variant): Promise<number> {
  const cloud = startTestCloud({ latencyMs });
  try {
    await cloud.addUser('wx-staff', ['staff']);
    const supporters = ['wx-v1', 'wx-v2'];
    for (const openid of supporters) await cloud.addUser(openid);
    const menu = await readyProposals(cloud, 3, supporters);
    const round = await openRound(
      cloud,
      menu.map((p) => p.id),
    );
    startVoting(cloud, round);
    const call = callerFor(cloud, variant, 'votes', votes.handlers, { castBallot: castBallotByQueryThenAdd });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        call('wx-v1', 'votes', 'castBallot', { roundId: round.id, choices: [menu[0].id] }),
      ),
    );
    const voter = (await cloud.ok('wx-v1', 'user', 'login', {})).user.id;
    return await cloud.count(BALLOTS, { roundId: round.id, userId: voter });
  } finally {
    cloud.close();
  }
}

describe.each(LATENCIES)('at %i ms per database request', (latencyMs) => {
  test('stock read outside the transaction oversells; the real redeem sells exactly the stock', async () => {
    const broken = await oversold(latencyMs, 'broken');
    expect(broken.sold).toBeGreaterThan(broken.initial);
    const real = await oversold(latencyMs, 'real');
    expect(real).toEqual({ sold: real.initial, stock: 0, initial: real.initial });
  }, 60_000);

  test('the event read outside the transaction seats more than the capacity; the real sign-up does not', async () => {
    const broken = await overbooked(latencyMs, 'broken');
    expect(broken.seated).toBeGreaterThan(broken.capacity);
    const real = await overbooked(latencyMs, 'real');
    expect(real.seated).toBe(real.capacity);
  }, 60_000);

  test('a guard read but not written lets one member exceed the claim limit (write skew); the real claim does not', async () => {
    const broken = await overClaimed(latencyMs, 'broken');
    expect(broken.live).toBeGreaterThan(broken.limit);
    const real = await overClaimed(latencyMs, 'real');
    expect(real.live).toBe(real.limit);
  }, 60_000);

  test('"query, then add" lets one resident vote twice; the deterministic ballot id does not', async () => {
    expect(await doubleVoted(latencyMs, 'broken')).toBeGreaterThan(1);
    expect(await doubleVoted(latencyMs, 'real')).toBe(1);
  }, 60_000);
});
