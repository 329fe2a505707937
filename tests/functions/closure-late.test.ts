/**
 * Closing an account while something of theirs is still in motion: a sign-up or a redemption
 * left waiting in its queue (the requester went away before its answer), and help already given
 * on a wish of theirs, waiting for the confirmation they can no longer give.
 */
import { SIGNUP_QUEUE, signupQueueJob } from '../../cloudfunctions/events/signup-queue';
import { PARTICIPATIONS } from '../../cloudfunctions/events/store';
import { REDEEM_QUEUE, redeemQueueJob } from '../../cloudfunctions/mall/redeem-queue';
import { ORDERS, orderIdFor } from '../../cloudfunctions/mall/store';
import { requestFingerprint } from '../../core/domain/mall';
import { participationId } from '../../cloudfunctions/events/store';
import { ENTRIES } from '../../cloudfunctions/points/ledger';
import { findById } from '../../cloudfunctions/runtime/db';
import { SETTLE_AFTER_MS } from '../../cloudfunctions/user/closure';
import { settleClosedAccounts } from '../../cloudfunctions/user/jobs';
import { publishedEvent } from '../support/events';
import { createGoods, givePoints } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { MEMBER, POSTER, STAFF, community, fulfilledWish } from '../support/wishes';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = startTestCloud();
});
afterEach(() => cloud.close());

const close = (openid: string) => cloud.ok(openid, 'user', 'closeAccount', { acknowledge: true });

test('a sign-up and a redemption left waiting in their queues are never decided for a closed account', async () => {
  await community(cloud);
  const leaver = await cloud.addUser('wx-leaver', [], '离开的人');
  await givePoints(cloud, leaver, 50);
  const goods = await createGoods(cloud, { price: 10, initialStock: 5 });
  const event = await publishedEvent(cloud, { capacity: 5 });
  const now = cloud.clock.now();
  // What the two requests left behind when their requesters went away, as the queues hold them.
  const orderId = orderIdFor(leaver, 'gone-before-answer');
  await cloud.deps.db.collection(REDEEM_QUEUE).add({
    data: {
      _id: orderId,
      target: goods.id,
      userId: leaver,
      userName: '离开的人',
      quantity: 1,
      fingerprint: requestFingerprint({ goodsId: goods.id, quantity: 1 }),
      pickupDays: 7,
      requestedAt: now,
      status: 'waiting',
      outcome: null,
      message: null,
      decidedAt: null,
    },
  });
  const seatId = participationId(event.id, leaver);
  await cloud.deps.db.collection(SIGNUP_QUEUE).add({
    data: {
      _id: seatId,
      target: event.id,
      userId: leaver,
      userName: '离开的人',
      managed: false,
      roles: ['resident'],
      actorId: leaver,
      actorName: '离开的人',
      requestedAt: now,
      status: 'waiting',
      outcome: null,
      message: null,
      decidedAt: null,
    },
  });

  await close('wx-leaver');
  // The queues' own job runs after the closure, and the closure's settling after that.
  await Promise.all([redeemQueueJob.run(cloud.deps), signupQueueJob.run(cloud.deps)]);
  cloud.clock.advance(SETTLE_AFTER_MS + 1);
  await settleClosedAccounts.run(cloud.deps);

  expect(await findById(cloud.deps.db, ORDERS, orderId)).toBeNull();
  expect(await findById(cloud.deps.db, PARTICIPATIONS, seatId)).toBeNull();
  for (const [queue, id] of [
    [REDEEM_QUEUE, orderId],
    [SIGNUP_QUEUE, seatId],
  ]) {
    expect(await findById(cloud.deps.db, queue, id)).toMatchObject({ status: 'done', outcome: 'NOT_FOUND' });
  }
  expect((await cloud.ok(STAFF, 'mall', 'getGoods', { goodsId: goods.id })).goods.stock).toBe(5);
});

test('help already given on a wish whose recipient closed their account is confirmed by staff, and paid once', async () => {
  const people = await community(cloud);
  const wish = await fulfilledWish(cloud, MEMBER, POSTER);
  await close(POSTER);

  const seen = await cloud.ok(STAFF, 'wishes', 'get', { wishId: wish.id });
  expect(seen.mayConfirm).toBe(true);
  const confirmed = await Promise.all([
    cloud.call(STAFF, 'wishes', 'confirm', { wishId: wish.id }),
    cloud.call(STAFF, 'wishes', 'confirm', { wishId: wish.id }),
  ]);
  expect(confirmed.some((r) => r.ok)).toBe(true);
  expect(await cloud.count(ENTRIES, { userId: people.memberId, kind: 'wish' })).toBe(1);
  expect((await cloud.ok(STAFF, 'wishes', 'get', { wishId: wish.id })).status).toBe('closed');
});
