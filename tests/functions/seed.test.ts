import { seedDemoCommunity, DEMO_BALANCES, DEMO_GOODS, DEMO_USERS } from '../../server/seed';
import { USERS } from '../../cloudfunctions/runtime/users';
import { startTestCloud } from '../support/test-cloud';
import { expectConsistent } from '../support/mall';

test('the demo community seeds once, consistently, and every demo user can log in', async () => {
  const cloud = startTestCloud();
  try {
    expect(await seedDemoCommunity(cloud.deps)).toBe(true);
    expect(await seedDemoCommunity(cloud.deps)).toBe(false);
    expect(await cloud.count(USERS)).toBe(DEMO_USERS.length + 2);
    for (const user of DEMO_USERS) {
      const { user: view } = await cloud.ok(user.openid, 'user', 'login', {});
      expect(view.roles).toEqual(user.roles);
      const account = await cloud.ok(user.openid, 'points', 'myAccount', {});
      expect(account.balance).toBe(DEMO_BALANCES[user.openid] ?? 0);
    }
    expect((await cloud.ok('demo-volunteer-li', 'mall', 'listGoods', {})).map((g) => g.name)).toEqual(
      [...DEMO_GOODS].sort((a, b) => a.price - b.price).map((g) => g.name),
    );
    await expectConsistent(cloud);
  } finally {
    cloud.close();
  }
});
