/**
 * Random sequences of awards, redemptions, cancellations, pickups and expiries, with
 * retries replayed, always keep balance = Σ entries ≥ 0 and stock ≥ 0 (see expectConsistent).
 */
import fc from 'fast-check';
import { DAY_MS } from '../../core/time';
import { awardPoints } from '../../cloudfunctions/points/ledger';
import { expireOrders } from '../../cloudfunctions/mall/jobs';
import { orderIdFor, findOrder } from '../../cloudfunctions/mall/store';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, createGoods, expectConsistent } from '../support/mall';

const USERS = ['wx-p0', 'wx-p1', 'wx-p2'];

const command = fc.oneof(
  fc.record({ type: fc.constant('award' as const), user: fc.nat(2), key: fc.nat(4) }),
  fc.record({
    type: fc.constant('redeem' as const),
    user: fc.nat(2),
    goods: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 3 }),
    req: fc.nat(5),
  }),
  fc.record({ type: fc.constant('cancel' as const), user: fc.nat(2), req: fc.nat(5) }),
  fc.record({ type: fc.constant('pickup' as const), user: fc.nat(2), req: fc.nat(5) }),
  fc.record({ type: fc.constant('expire' as const), days: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ type: fc.constant('replay' as const) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

async function run(cloud: TestCloud, goodsIds: string[], cmd: Command): Promise<void> {
  const openid = 'user' in cmd ? USERS[cmd.user] : '';
  const requestId = 'req' in cmd ? `prop-${cmd.req}-request` : '';
  switch (cmd.type) {
    case 'award': {
      // The same key always pays the same amount: a repeat is a true retry.
      const userId = userIdForOpenid(openid);
      await awardPoints(
        cloud.deps.db,
        {
          key: `service_prop${cmd.key}_${userId}`,
          userId,
          amount: (cmd.key + 1) * 15,
          kind: 'service',
          reason: '服务',
          sourceType: 'participation',
          sourceId: `prop${cmd.key}`,
          operatorId: null,
        },
        cloud.clock.now(),
      );
      return;
    }
    case 'redeem':
      await cloud.call(openid, 'mall', 'redeem', {
        goodsId: goodsIds[cmd.goods],
        quantity: cmd.quantity,
        requestId,
      });
      return;
    case 'cancel':
      await cloud.call(openid, 'mall', 'cancelOrder', {
        orderId: orderIdFor(userIdForOpenid(openid), requestId),
      });
      return;
    case 'pickup': {
      const order = await findOrder(cloud.deps.db, orderIdFor(userIdForOpenid(openid), requestId));
      if (order) await cloud.call(STAFF, 'mall', 'verifyPickup', { code: order.pickupCode });
      return;
    }
    case 'expire':
      cloud.clock.advance(cmd.days * DAY_MS);
      await expireOrders.run(cloud.deps);
      return;
    case 'replay':
      return;
  }
}

test('money-like invariants hold for any sequence of operations and retries', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
      const cloud = startTestCloud();
      try {
        await cloud.addUser(STAFF, ['staff']);
        for (const openid of USERS) await cloud.addUser(openid);
        const goods = [
          await createGoods(cloud, { price: 20, initialStock: 4, perOrderLimit: 3, perMonthLimit: 5 }),
          await createGoods(cloud, {
            name: '鸡蛋',
            price: 7,
            initialStock: 2,
            perOrderLimit: 2,
            perMonthLimit: 3,
          }),
        ].map((g) => g.id);
        let previous: Command | null = null;
        for (const cmd of commands) {
          // `replay` repeats the previous command exactly, as a client retry would.
          const effective: Command = cmd.type === 'replay' && previous ? previous : cmd;
          await run(cloud, goods, effective);
          previous = effective;
          cloud.clock.advance(1000);
        }
        await expectConsistent(cloud);
      } finally {
        cloud.close();
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);
