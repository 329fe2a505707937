import fs from 'fs';
import os from 'os';
import path from 'path';
import { DEFAULT_WISH_POINTS } from '../../core/domain/wishes';
import { inCommunityTz } from '../../core/time';
import {
  seedDemoCommunity,
  DEMO_BALANCES,
  DEMO_EVENTS,
  DEMO_GOODS,
  DEMO_USERS,
  DEMO_WISHES,
} from '../../server/seed';
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
      // The opening balance, plus the points of the demo wishes the member fulfilled.
      const fulfilled = DEMO_WISHES.filter((w) => w.stage === 'closed' && w.member === user.openid);
      expect(account.balance).toBe(
        (DEMO_BALANCES[user.openid] ?? 0) + fulfilled.length * DEFAULT_WISH_POINTS,
      );
    }
    expect((await cloud.ok('demo-volunteer-li', 'mall', 'listGoods', {})).map((g) => g.name)).toEqual(
      [...DEMO_GOODS].sort((a, b) => a.price - b.price).map((g) => g.name),
    );
    await expectConsistent(cloud);
  } finally {
    cloud.close();
  }
});

test('the demo wishes: two open for 陈建国 to claim, one claimed, one done, one in the review queue', async () => {
  const cloud = startTestCloud();
  try {
    await seedDemoCommunity(cloud.deps);
    const wall = await cloud.ok('demo-party-chen', 'wishes', 'wall', {});
    expect(wall.items.map((w) => [w.title.slice(0, 6), w.recipient, w.statusLabel, w.mayClaim])).toEqual([
      ['家里的台灯坏', '张** · 1栋', '待认领', true],
      ['冬天想要一双', '刘** · 2栋', '待认领', true],
      ['收音机没声音', '刘** · 2栋', '已完成', false],
      ['想请人陪我去', '吴** · 3栋', '已认领', false],
    ]);
    // Nobody but the claimer (and staff) sees whom to call, however the wall is read.
    expect(wall.items.every((w) => w.contact === null)).toBe(true);
    const claimed = await cloud.ok('demo-volunteer-zhao', 'wishes', 'get', { wishId: 'w-demo-checkup' });
    expect(claimed.contact).toMatchObject({ name: '吴秀兰', phone: '13900005678' });
    const queue = await cloud.ok('demo-staff-wang', 'wishes', 'staffList', { bucket: 'pending' });
    expect(queue.items.map((w) => w.title)).toEqual(['想学用手机和孙子视频通话']);
    expect((await cloud.ok('demo-party-chen', 'wishes', 'myRecord', {})).partyOrg).toBe('区税务局第一党支部');
    const done = wall.items.find((w) => w.status === 'closed');
    const year = inCommunityTz(done?.closedAt ?? 0).year();
    const zhao = await cloud.ok('demo-volunteer-zhao', 'wishes', 'myRecord', { year });
    expect([zhao.partyOrg, zhao.wishes.map((w) => w.title)]).toEqual([
      '市第二人民医院护理党支部',
      ['收音机没声音了，想请人帮忙看看'],
    ]);
    await expectGuardsConsistent(cloud);
  } finally {
    cloud.close();
  }
});

test('the demo ships its own pictures: copied into the uploads folder, each small, every goods item and event shown with one', async () => {
  const cloud = startTestCloud();
  const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-seed-'));
  try {
    await seedDemoCommunity(cloud.deps, { uploadsDir });
    const shelf = await cloud.ok('demo-volunteer-li', 'mall', 'listGoods', {});
    const events = await cloud.ok('demo-volunteer-li', 'events', 'list', {});
    const ranking = await cloud.ok('demo-volunteer-li', 'points', 'ranking', { period: 'all' });
    const pictures = [
      ...shelf.map((g) => g.photoUrl),
      ...events.map((e) => e.coverUrl),
      ...ranking.rows.map((r) => r.avatarUrl),
    ];
    expect(shelf).toHaveLength(DEMO_GOODS.length);
    expect(events.map((e) => e.id)).toEqual(DEMO_EVENTS.map((e) => e.id));
    for (const url of pictures) {
      expect(url).toMatch(/^\/uploads\/(goods|events|avatars)\/demo-[a-z]+\.jpg$/);
      const file = path.join(uploadsDir, url.replace('/uploads/', ''));
      expect(fs.statSync(file).size).toBeLessThanOrEqual(30 * 1024);
      // A JPEG, as the stand-in for cloud storage serves an upload.
      expect(fs.readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
  } finally {
    cloud.close();
    fs.rmSync(uploadsDir, { recursive: true, force: true });
  }
});

test('without an uploads folder (function tests) no picture is referenced', async () => {
  const cloud = startTestCloud();
  try {
    await seedDemoCommunity(cloud.deps);
    const shelf = await cloud.ok('demo-volunteer-li', 'mall', 'listGoods', {});
    expect(shelf.map((g) => g.photoUrl)).toEqual(shelf.map(() => ''));
  } finally {
    cloud.close();
  }
});
