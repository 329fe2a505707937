/**
 * Random waves of operations run at once — awards, redemptions, cancellations, pickups,
 * sign-ups, cancelled sign-ups, capacity changes, hours confirmed while the job closes them,
 * replays — on the interleaving stand-in. Whatever the mix, money and seats stay consistent:
 * Σ ledger = balance ≥ 0 for every account, stock + Σ sold = initial + restocked for every goods
 * item, and an event's seats ≤ capacity with its waitlist exactly the waiting participations.
 */
import fc from 'fast-check';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { autoCloseHours } from '../../cloudfunctions/events/jobs';
import { PARTICIPATIONS, findEvent, type ParticipationFields } from '../../cloudfunctions/events/store';
import { awardPoints } from '../../cloudfunctions/points/ledger';
import { findOrder, orderIdFor } from '../../cloudfunctions/mall/store';
import { findAll } from '../../cloudfunctions/runtime/db';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { STAFF, createGoods, expectConsistent, givePoints } from '../support/mall';
import { publishedEvent } from '../support/events';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const PEOPLE = ['wx-p0', 'wx-p1', 'wx-p2', 'wx-p3'];
const person = fc.nat(PEOPLE.length - 1);

const operation = fc.oneof(
  fc.record({ type: fc.constant('award' as const), who: person, key: fc.nat(3) }),
  fc.record({
    type: fc.constant('redeem' as const),
    who: person,
    goods: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 2 }),
    req: fc.nat(4),
  }),
  fc.record({ type: fc.constant('cancelOrder' as const), who: person, req: fc.nat(4) }),
  fc.record({ type: fc.constant('cancelOrder' as const), who: person, req: fc.nat(4) }),
  fc.record({ type: fc.constant('pickup' as const), who: person, req: fc.nat(4) }),
  fc.record({ type: fc.constant('signUp' as const), who: person }),
  fc.record({ type: fc.constant('cancelSignUp' as const), who: person }),
  fc.record({ type: fc.constant('capacity' as const), seats: fc.integer({ min: 1, max: 4 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

interface World {
  cloud: TestCloud;
  goods: string[];
  eventId: string;
}

/** What the runs did, so the property is known to have exercised real contention. */
const seen = { ok: new Map<string, number>(), conflicts: 0, failures: [] as string[] };

/** Answers a resident must never get for a request that is fine or refused for a business reason. */
const SYSTEM_FAILURES = ['INTERNAL', 'CONFLICT'];

async function perform(world: World, op: Operation): Promise<void> {
  const result = (await attempt(world, op)) as { ok: boolean; code?: string } | void;
  if (result?.ok) seen.ok.set(op.type, (seen.ok.get(op.type) ?? 0) + 1);
  else if (result?.code && SYSTEM_FAILURES.includes(result.code))
    seen.failures.push(`${op.type}: ${result.code}`);
}

async function attempt(world: World, op: Operation): Promise<{ ok: boolean } | void> {
  const { cloud } = world;
  const openid = 'who' in op ? PEOPLE[op.who] : STAFF;
  const requestId = 'req' in op ? `wave-${op.req}-request` : '';
  switch (op.type) {
    case 'award': {
      const userId = userIdForOpenid(openid);
      return {
        ok: true,
        ...(await awardPoints(
          cloud.deps.db,
          {
            key: `service_wave${op.key}_${userId}`,
            userId,
            amount: (op.key + 1) * 10,
            kind: 'service',
            reason: '服务',
            sourceType: 'participation',
            sourceId: `wave${op.key}`,
            operatorId: null,
          },
          cloud.clock.now(),
        )),
      };
    }
    case 'redeem':
      return cloud.call(openid, 'mall', 'redeem', {
        goodsId: world.goods[op.goods],
        quantity: op.quantity,
        requestId,
      });
      return;
    case 'cancelOrder':
      return cloud.call(openid, 'mall', 'cancelOrder', {
        orderId: orderIdFor(userIdForOpenid(openid), requestId),
      });
      return;
    case 'pickup': {
      const order = await findOrder(cloud.deps.db, orderIdFor(userIdForOpenid(openid), requestId));
      return order ? cloud.call(STAFF, 'mall', 'verifyPickup', { code: order.pickupCode }) : undefined;
    }
    case 'signUp':
      return cloud.call(openid, 'events', 'signUp', { eventId: world.eventId });
    case 'cancelSignUp':
      return cloud.call(openid, 'events', 'cancelSignUp', { eventId: world.eventId });
    case 'capacity': {
      const event = await findEvent(cloud.deps.db, world.eventId);
      if (!event) return;
      return cloud.call(STAFF, 'events', 'save', {
        eventId: event._id,
        title: event.title,
        category: event.category,
        place: event.place,
        startAt: event.startAt,
        endAt: event.endAt,
        signupDeadline: event.signupDeadline,
        capacity: op.seats,
        audience: event.audience,
      });
    }
  }
}

/** Seats never exceed capacity; the count and the queue on the event match the participations. */
async function expectSeatsConsistent(world: World) {
  const event = await findEvent(world.cloud.deps.db, world.eventId);
  const rows = await findAll<ParticipationFields>(
    world.cloud.deps.db.collection(PARTICIPATIONS).where({ eventId: world.eventId }),
    1000,
  );
  const confirmed = rows.filter((p) => p.status === 'confirmed').length;
  const waiting = rows.filter((p) => p.status === 'waitlisted').map((p) => p.userId);
  expect(event?.confirmedCount).toBe(confirmed);
  expect(confirmed).toBeLessThanOrEqual(event?.capacity ?? 0);
  expect([...(event?.waitlist ?? [])].sort()).toEqual([...waiting].sort());
  expect(new Set(event?.waitlist).size).toBe(event?.waitlist.length);
}

test('money and seats stay consistent under random concurrent waves of operations', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(operation, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
      async (waves) => {
        const cloud = startTestCloud();
        try {
          await cloud.addUser(STAFF, ['staff']);
          for (const openid of PEOPLE) await givePoints(cloud, await cloud.addUser(openid), 30);
          const goods = [
            await createGoods(cloud, { price: 10, initialStock: 3, perOrderLimit: 2, perMonthLimit: 3 }),
            await createGoods(cloud, {
              name: '鸡蛋',
              price: 5,
              initialStock: 2,
              perOrderLimit: 2,
              perMonthLimit: 2,
            }),
          ].map((g) => g.id);
          const event = await publishedEvent(cloud, { capacity: 2 });
          const world: World = { cloud, goods, eventId: event.id };
          for (const wave of waves) {
            // A wave runs at once, each operation as a separate caller; a replay of the wave's
            // first operation rides along, as a client retry would.
            await Promise.all([...wave, wave[0]].map((op) => perform(world, op)));
            cloud.clock.advance(1000);
          }
          await expectConsistent(cloud);
          await expectSeatsConsistent(world);
          // Hours confirmed by the leader while the job closes them: paid once each.
          cloud.clock.advance(3 * HOUR_MS + 2 * DAY_MS + DAY_MS + HOUR_MS);
          await Promise.all([
            cloud.call(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] }),
            autoCloseHours.run(cloud.deps),
          ]);
          await expectConsistent(cloud);
          seen.conflicts += cloud.store.stats.conflicts;
        } finally {
          cloud.close();
        }
      },
    ),
    { numRuns: 40 },
  );
  // The runs really raced: transactions conflicted, and every kind of change succeeded somewhere.
  expect(seen.conflicts).toBeGreaterThan(0);
  // However they raced, nobody was told the system failed.
  expect(seen.failures).toEqual([]);
  for (const kind of ['redeem', 'signUp', 'cancelSignUp', 'capacity']) {
    expect([kind, (seen.ok.get(kind) ?? 0) > 0]).toEqual([kind, true]);
  }
}, 180_000);
