/**
 * Every list that grows is paged with a cursor (issue #8, "no silent caps"). Items are made at
 * two instants, several sharing each, and read three at a time: across the page boundaries
 * none may be skipped or repeated, and the order is the list's order (time, then id).
 */
import type { Cursor } from '../../core/contract';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, createGoods, givePoints } from '../support/mall';
import { publishedEvent } from '../support/events';
import {
  acceptedProposal,
  closeVoting,
  endPublicity,
  openRound,
  readyProposals,
  startVoting,
} from '../support/votes';

let cloud: TestCloud;
let liId: string;
beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  liId = await cloud.addUser('wx-li', ['volunteer'], '李志愿');
});
afterEach(() => cloud.close());

interface Listed {
  id: string;
  at: number;
}

/** Page through a list three at a time; every page is the size asked for until the last. */
async function readAll(
  fetch: (cursor: Cursor | undefined) => Promise<{ items: unknown[]; next: Cursor | null }>,
  listed: (item: never) => Listed,
): Promise<Listed[]> {
  const seen: Listed[] = [];
  let cursor: Cursor | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await fetch(cursor);
    seen.push(...page.items.map((item) => listed(item as never)));
    if (!page.next) return seen;
    expect(page.items).toHaveLength(3);
    cursor = page.next;
  }
  throw new Error('the list never ended');
}

/** Make `make(i)` happen four times at one instant, then three times a day later. */
async function atTwoInstants(make: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 4; i += 1) await make(i);
  cloud.clock.advance(DAY_MS);
  for (let i = 4; i < 7; i += 1) await make(i);
}

function expectComplete(seen: Listed[], direction: 'desc' | 'asc' = 'desc') {
  expect(seen).toHaveLength(7);
  expect(new Set(seen.map((s) => s.id)).size).toBe(7);
  const sign = direction === 'desc' ? -1 : 1;
  const ordered = [...seen].sort((a, b) => sign * (a.at - b.at || (a.id < b.id ? -1 : 1)));
  expect(seen).toEqual(ordered);
}

const byCreation = (item: { id: string; createdAt: number }): Listed => ({ id: item.id, at: item.createdAt });

test('我的兑换 and the staff order list', async () => {
  await givePoints(cloud, liId, 1000);
  const goods = await createGoods(cloud, { price: 1, perOrderLimit: 1, perMonthLimit: 99, initialStock: 50 });
  await atTwoInstants((i) =>
    cloud.ok('wx-li', 'mall', 'redeem', { goodsId: goods.id, quantity: 1, requestId: `page-order-${i}` }),
  );
  expectComplete(
    await readAll((cursor) => cloud.ok('wx-li', 'mall', 'myOrders', { limit: 3, cursor }), byCreation),
  );
  expectComplete(
    await readAll(
      (cursor) => cloud.ok(STAFF, 'mall', 'listOrders', { status: 'awaiting_pickup', limit: 3, cursor }),
      byCreation,
    ),
  );
});

test('stock history', async () => {
  const goods = await createGoods(cloud, { initialStock: 0 });
  cloud.clock.advance(DAY_MS);
  // The creation record is the seventh entry, a day before the others.
  await atTwoInstants(async (i) => {
    if (i === 0) return;
    await cloud.ok(STAFF, 'mall', 'restock', {
      goodsId: goods.id,
      delta: 1,
      reason: '补货',
      requestId: `page-restock-${i}`,
    });
  });
  expectComplete(
    await readAll(
      (cursor) => cloud.ok(STAFF, 'mall', 'stockHistory', { goodsId: goods.id, limit: 3, cursor }),
      byCreation,
    ),
  );
});

test('积分明细, for the resident and for staff', async () => {
  await atTwoInstants(() => givePoints(cloud, liId, 5));
  expectComplete(
    await readAll((cursor) => cloud.ok('wx-li', 'points', 'myHistory', { limit: 3, cursor }), byCreation),
  );
  expectComplete(
    await readAll(
      (cursor) => cloud.ok(STAFF, 'points', 'historyOf', { userId: liId as never, limit: 3, cursor }),
      byCreation,
    ),
  );
});

test('我的消息', async () => {
  await atTwoInstants((i) => cloud.notify({ userId: liId, template: 't', title: `消息${i}`, body: '' }));
  expectComplete(
    await readAll((cursor) => cloud.ok('wx-li', 'user', 'listOutbox', { limit: 3, cursor }), byCreation),
  );
});

test('applications: pending oldest first, decided newest first', async () => {
  const ids: string[] = [];
  await atTwoInstants(async (i) => {
    await cloud.addUser(`wx-applicant-${i}`);
    const app = await cloud.ok(`wx-applicant-${i}`, 'user', 'applyPartyMember', {
      realName: `申请人${i}`,
      partyOrg: '某党支部',
      workplace: '某单位',
    });
    ids.push(app.id);
  });
  expectComplete(
    await readAll(
      (cursor) => cloud.ok(STAFF, 'user', 'listApplications', { status: 'pending', limit: 3, cursor }),
      byCreation,
    ),
    'asc',
  );
  for (const id of ids)
    await cloud.ok(STAFF, 'user', 'decideApplication', { applicationId: id as never, approve: true });
  expectComplete(
    await readAll(
      (cursor) => cloud.ok(STAFF, 'user', 'listApplications', { status: 'approved', limit: 3, cursor }),
      byCreation,
    ),
  );
});

test('residents, and the leaders among them', async () => {
  // Staff and 李志愿 were registered at the same instant before: 9 people in all.
  await atTwoInstants((i) => cloud.addUser(`wx-resident-${i}`, i % 2 === 0 ? ['volunteer'] : []));
  const everyone = await readAll(
    (cursor) => cloud.ok(STAFF, 'user', 'listResidents', { limit: 3, cursor }),
    byCreation,
  );
  expect(new Set(everyone.map((u) => u.id)).size).toBe(9);
  expect(everyone).toEqual([...everyone].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)));
  const leaders = await cloud.ok(STAFF, 'user', 'listResidents', { leadersOnly: true, limit: 50 });
  expect(leaders.items.map((u) => u.nickname).sort()).toEqual(
    ['wx-resident-0', 'wx-resident-2', 'wx-resident-4', 'wx-resident-6', '李志愿', '王主任'].sort(),
  );
  expect(leaders.items.every((u) => u.mayLead)).toBe(true);
});

test('staff lists of events (latest start first) and goods', async () => {
  const start = cloud.clock.now() + 3 * DAY_MS;
  for (let i = 0; i < 7; i += 1)
    await publishedEvent(cloud, {
      title: `活动${i}`,
      startAt: start + (i < 4 ? 0 : DAY_MS),
      endAt: start + 2 * DAY_MS,
    });
  expectComplete(
    await readAll(
      (cursor) => cloud.ok(STAFF, 'events', 'allEvents', { limit: 3, cursor }),
      (e: { id: string; startAt: number }) => ({ id: e.id, at: e.startAt }),
    ),
  );
  await atTwoInstants((i) => createGoods(cloud, { name: `物品${i}` }));
  const goods = await readAll(
    (cursor) => cloud.ok(STAFF, 'mall', 'allGoods', { limit: 3, cursor }),
    (g: { id: string; name: string }) => ({ id: g.id, at: 0 }),
  );
  expect(new Set(goods.map((g) => g.id)).size).toBe(7);
});

test('a page asks for no more than the contract allows', async () => {
  expect(await cloud.call('wx-li', 'mall', 'myOrders', { limit: 51 })).toMatchObject({
    code: 'INVALID_INPUT',
  });
  expect(await cloud.ok('wx-li', 'mall', 'myOrders', {})).toEqual({ items: [], next: null });
});

describe('百姓点菜', () => {
  test('需求清单 and 我的提议 newest first; screening oldest first', async () => {
    await atTwoInstants((i) => acceptedProposal(cloud, 'wx-li', { title: `已采纳的提议${i}` }));
    expectComplete(
      await readAll((cursor) => cloud.ok('wx-li', 'votes', 'proposals', { limit: 3, cursor }), byCreation),
    );
    expectComplete(
      await readAll((cursor) => cloud.ok('wx-li', 'votes', 'myProposals', { limit: 3, cursor }), byCreation),
    );
    await atTwoInstants((i) =>
      cloud.ok('wx-li', 'votes', 'propose', {
        requestId: `page-proposal-${i}`,
        title: `待审核的提议${i}`,
        description: '小区里需要做一件对大家都有好处的事情。',
        category: 'other',
      }),
    );
    expectComplete(
      await readAll(
        (cursor) => cloud.ok(STAFF, 'votes', 'pendingProposals', { limit: 3, cursor }),
        byCreation,
      ),
      'asc',
    );
  });

  test('rounds, latest start first', async () => {
    const ready = await readyProposals(cloud, 14, ['wx-li']);
    const base = cloud.clock.now();
    for (let i = 0; i < 7; i += 1) {
      const startAt = base + (i < 4 ? HOUR_MS : DAY_MS);
      await openRound(cloud, [ready[2 * i].id, ready[2 * i + 1].id], {
        rule: { kind: 'approval', maxChoices: 1 },
        startAt,
        endAt: startAt + DAY_MS,
      });
    }
    expectComplete(
      await readAll(
        (cursor) => cloud.ok('wx-li', 'votes', 'rounds', { limit: 3, cursor }),
        (r: { id: string; startAt: number }) => ({ id: r.id, at: r.startAt }),
      ),
    );
  });

  test('微实事 projects', async () => {
    const menu = await readyProposals(cloud, 8, ['wx-li']);
    const round = await openRound(
      cloud,
      menu.map((p) => p.id),
      { rule: { kind: 'approval', maxChoices: 7 } },
    );
    startVoting(cloud, round);
    const choices = menu.slice(0, 7).map((p) => p.id);
    await cloud.ok('wx-li', 'votes', 'castBallot', { roundId: round.id, choices });
    await closeVoting(cloud, round);
    await endPublicity(cloud, round.id);
    const created: string[] = [];
    await atTwoInstants(async (i) => {
      const project = await cloud.ok(STAFF, 'votes', 'createProject', {
        roundId: round.id,
        proposalId: choices[i],
        organisation: '幸福里社工服务站',
        budget: 1000,
        plannedStartAt: cloud.clock.now(),
        plannedEndAt: cloud.clock.now() + DAY_MS,
      });
      created.push(project.id);
    });
    // A project shows no creation time: the three made a day later come first, then the rest.
    const seen = await readAll(
      (cursor) => cloud.ok('wx-li', 'votes', 'projects', { limit: 3, cursor }),
      (p: { id: string }) => ({ id: p.id, at: 0 }),
    );
    expect(seen).toHaveLength(7);
    expect(new Set(seen.slice(0, 3).map((p) => p.id))).toEqual(new Set(created.slice(4)));
    expect(new Set(seen.slice(3).map((p) => p.id))).toEqual(new Set(created.slice(0, 4)));
  });
});
