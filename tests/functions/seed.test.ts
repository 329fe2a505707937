import { seedDemoCommunity, DEMO_BALANCES, DEMO_GOODS, DEMO_USERS } from '../../server/seed';
import { USERS } from '../../cloudfunctions/runtime/users';
import { startTestCloud } from '../support/test-cloud';
import { expectConsistent } from '../support/mall';
import { expectGuardsConsistent } from '../support/wishes';

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

test('the demo wishes: two on the wall for 陈建国 to claim, one in the review queue', async () => {
  const cloud = startTestCloud();
  try {
    await seedDemoCommunity(cloud.deps);
    const wall = await cloud.ok('demo-party-chen', 'wishes', 'wall', {});
    expect(wall.items.map((w) => [w.recipient, w.onBehalf, w.mayClaim])).toEqual(
      expect.arrayContaining([
        ['张** · 1栋', true, true],
        ['刘** · 2栋', true, true],
      ]),
    );
    expect(wall.items).toHaveLength(2);
    const queue = await cloud.ok('demo-staff-wang', 'wishes', 'staffList', { bucket: 'pending' });
    expect(queue.items.map((w) => w.title)).toEqual(['想学用手机和孙子视频通话']);
    expect((await cloud.ok('demo-party-chen', 'wishes', 'myRecord', {})).partyOrg).toBe('区税务局第一党支部');
    await expectGuardsConsistent(cloud);
  } finally {
    cloud.close();
  }
});
