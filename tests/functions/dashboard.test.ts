/**
 * 数据看板 and the workbench's counts against a recount. A community lives for fourteen months
 * of random operations — events run and hours confirmed, points adjusted, goods redeemed,
 * cancelled, picked up and expired, wishes posted, claimed, fulfilled and confirmed, proposals
 * screened, a round voted and its winner carried out — and then every figure the dashboard
 * shows must equal what plain code counts from the raw collections, by the definitions the
 * dashboard states (core/domain/dashboard.ts).
 */
import type { DashboardView, EventView, UserId, WorkbenchView } from '../../core/contract';
import { DASHBOARD_MONTHS, LOW_STOCK_AT, SERIES, type SeriesKey } from '../../core/domain/dashboard';
import { DAY_MS, HOUR_MS, recentMonths } from '../../core/time';
import { findAll } from '../../cloudfunctions/runtime/db';
import { APPLICATIONS, type ApplicationFields } from '../../cloudfunctions/user/applications';
import {
  EVENTS,
  PARTICIPATIONS,
  type EventFields,
  type ParticipationFields,
} from '../../cloudfunctions/events/store';
import { autoCloseHours } from '../../cloudfunctions/events/jobs';
import { expireOrders } from '../../cloudfunctions/mall/jobs';
import { GOODS, ORDERS, type GoodsFields, type OrderFields } from '../../cloudfunctions/mall/store';
import { REPORTS, type ReportFields } from '../../cloudfunctions/moderation/store';
import { ENTRIES, type EntryFields } from '../../cloudfunctions/points/ledger';
import {
  BALLOTS,
  OBJECTIONS,
  PROJECTS,
  PROPOSALS,
  ROUNDS,
  type BallotFields,
  type ObjectionFields,
  type ProjectFields,
  type ProposalFields,
  type RoundFields,
} from '../../cloudfunctions/votes/store';
import { WISHES, WISH_CLAIMS, type ClaimFields, type WishFields } from '../../cloudfunctions/wishes/store';
import { publishedEvent, tokenFor } from '../support/events';
import { createGoods } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { closeVoting, endPublicity, openRound, readyProposals, startVoting } from '../support/votes';
import { PROOF, wishInput } from '../support/wishes';

const STAFF = 'wx-staff';
const RESIDENTS = ['wx-r1', 'wx-r2', 'wx-r3', 'wx-r4', 'wx-r5', 'wx-r6'];
const MEMBERS = ['wx-m1', 'wx-m2'];

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)];
    },
  };
}

type Rng = ReturnType<typeof random>;

/** The community's state the operations choose from. */
interface World {
  cloud: TestCloud;
  rng: Rng;
  events: EventView[];
  goods: string[];
  wishes: { id: string; poster: string; member?: string }[];
  /** Who each user id is, to act as them. */
  openids: Map<string, string>;
}

/** An event takes place: most who signed up check in, and staff usually confirm the hours. */
async function holdEvent(w: World, event: EventView) {
  w.events = w.events.filter((e) => e.id !== event.id);
  if (w.cloud.clock.now() < event.startAt + 5 * 60_000) {
    w.cloud.clock.set(event.startAt + 5 * 60_000);
    const people = await w.cloud.call(STAFF, 'events', 'participants', { eventId: event.id });
    const token = await tokenFor(w.cloud, event.id, 'in');
    for (const p of people.ok ? people.data : []) {
      const openid = w.openids.get(p.userId);
      if (openid && w.rng.chance(0.7)) await w.cloud.call(openid, 'events', 'checkIn', { token });
    }
  }
  if (w.cloud.clock.now() < event.endAt + HOUR_MS) w.cloud.clock.set(event.endAt + HOUR_MS);
  if (w.rng.chance(0.8))
    await w.cloud.call(STAFF, 'events', 'confirmHours', { eventId: event.id, adjustments: [] });
}

/** Time passes: up to a day and a half, and the events that start meanwhile take place. */
async function passTime(w: World) {
  const until = w.cloud.clock.now() + w.rng.int(0, 36) * HOUR_MS;
  for (const event of [...w.events].sort((a, b) => a.startAt - b.startAt)) {
    if (event.startAt <= until) await holdEvent(w, event);
  }
  if (w.cloud.clock.now() < until) w.cloud.clock.set(until);
}

const OPERATIONS: ((w: World) => Promise<unknown>)[] = [
  async (w) => {
    const startAt = w.cloud.clock.now() + w.rng.int(1, 6) * DAY_MS;
    const event = await publishedEvent(w.cloud, {
      capacity: w.rng.int(2, 5),
      startAt,
      endAt: startAt + w.rng.int(1, 4) * HOUR_MS,
      signupDeadline: startAt - HOUR_MS,
      pointsPerHour: w.rng.int(1, 3),
    });
    w.events.push(event);
  },
  async (w) => {
    const event = w.events.length ? w.rng.pick(w.events) : null;
    if (event)
      await w.cloud.call(w.rng.pick([...RESIDENTS, ...MEMBERS]), 'events', 'signUp', { eventId: event.id });
  },
  async (w) => {
    const event = w.events.length ? w.rng.pick(w.events) : null;
    if (event)
      await w.cloud.call(w.rng.pick([...RESIDENTS, ...MEMBERS]), 'events', 'cancelSignUp', {
        eventId: event.id,
      });
  },
  async (w) => {
    await autoCloseHours.run(w.cloud.deps);
  },
  async (w) => {
    const event = w.events.length && w.rng.chance(0.3) ? w.rng.pick(w.events) : null;
    if (!event) return;
    await w.cloud.call(STAFF, 'events', 'cancel', { eventId: event.id, reason: '天气原因取消' });
    w.events = w.events.filter((e) => e.id !== event.id);
  },
  async (w) => {
    const userId = w.rng.pick([...w.openids.keys()]);
    const amount = w.rng.chance(0.85) ? w.rng.int(10, 120) : -w.rng.int(1, 10);
    await w.cloud.call(STAFF, 'points', 'adjust', {
      userId: userId as UserId,
      amount,
      reason: '活动积分补录',
      requestId: `dash-adjust-${w.cloud.clock.now()}-${w.rng.int(0, 1e9)}`,
    });
  },
  async (w) => {
    await w.cloud.call(w.rng.pick([...RESIDENTS, ...MEMBERS]), 'mall', 'redeem', {
      goodsId: w.rng.pick(w.goods),
      quantity: w.rng.int(1, 2),
      requestId: `dash-redeem-${w.cloud.clock.now()}-${w.rng.int(0, 1e9)}`,
    });
  },
  async (w) => {
    const open = await findAll<OrderFields>(
      w.cloud.deps.db.collection(ORDERS).where({ status: 'awaiting_pickup' }),
      1000,
    );
    if (open.length === 0) return;
    const order = w.rng.pick(open);
    if (w.rng.chance(0.5)) {
      await w.cloud.call(STAFF, 'mall', 'verifyPickup', { code: order.pickupCode });
    } else {
      const openid = w.openids.get(order.userId);
      if (openid) await w.cloud.call(openid, 'mall', 'cancelOrder', { orderId: order._id as never });
    }
  },
  async (w) => {
    await expireOrders.run(w.cloud.deps);
  },
  async (w) => {
    const goodsId = w.rng.pick(w.goods);
    await w.cloud.call(STAFF, 'mall', 'restock', {
      goodsId: goodsId as never,
      delta: w.rng.int(1, 8),
      reason: '爱心商家捐赠',
      requestId: `dash-restock-${w.cloud.clock.now()}-${w.rng.int(0, 1e9)}`,
    });
  },
  async (w) => {
    const poster = w.rng.pick(RESIDENTS);
    const posted = await w.cloud.call(
      poster,
      'wishes',
      'post',
      wishInput(w.cloud, { wantedBy: w.cloud.clock.now() + w.rng.int(1, 20) * DAY_MS }),
    );
    if (!posted.ok) return;
    const wish: World['wishes'][number] = { id: posted.data.id, poster };
    w.wishes.push(wish);
    if (!w.rng.chance(0.8)) return;
    await w.cloud.call(STAFF, 'wishes', 'review', { wishId: posted.data.id, approve: true });
    // A member often takes it up the same day.
    const member = w.rng.pick(MEMBERS);
    if (
      w.rng.chance(0.6) &&
      (await w.cloud.call(member, 'wishes', 'claim', { wishId: wish.id as never })).ok
    ) {
      wish.member = member;
    }
  },
  async (w) => {
    const wish = w.wishes.length ? w.rng.pick(w.wishes) : null;
    if (!wish) return;
    const member = w.rng.pick(MEMBERS);
    const claimed = await w.cloud.call(member, 'wishes', 'claim', { wishId: wish.id as never });
    if (claimed.ok) wish.member = member;
  },
  async (w) => {
    const wish = w.wishes.find((x) => x.member);
    if (!wish?.member) return;
    if (w.rng.chance(0.2)) {
      await w.cloud.call(wish.member, 'wishes', 'release', { wishId: wish.id as never, reason: '临时出差' });
      wish.member = undefined;
      return;
    }
    await w.cloud.call(wish.member, 'wishes', 'fulfil', {
      wishId: wish.id as never,
      note: '已送到家',
      photos: PROOF,
    });
    if (w.rng.chance(0.8)) await w.cloud.call(wish.poster, 'wishes', 'confirm', { wishId: wish.id as never });
    w.wishes = w.wishes.filter((x) => x !== wish);
  },
  async (w) => {
    const proposed = await w.cloud.call(w.rng.pick(RESIDENTS), 'votes', 'propose', {
      requestId: `dash-proposal-${w.cloud.clock.now()}-${w.rng.int(0, 1e9)}`,
      title: '楼道加装扶手',
      description: '老人上下楼不方便，希望加装扶手。',
      category: 'environment',
    });
    if (proposed.ok && w.rng.chance(0.6)) {
      await w.cloud.call(STAFF, 'votes', 'screenProposal', {
        proposalId: proposed.data.id,
        accept: w.rng.chance(0.7),
        reason: '已有同类提议',
      });
    }
  },
  async (w) => {
    const reporter = w.rng.pick(RESIDENTS);
    const wish = w.wishes.find((x) => x.poster !== reporter);
    if (wish)
      await w.cloud.call(reporter, 'moderation', 'report', { kind: 'wish', id: wish.id, category: 'ad' });
  },
  async (w) => {
    const openid = w.rng.pick(RESIDENTS);
    await w.cloud.call(openid, 'user', 'applyPartyMember', {
      realName: '测试居民',
      partyOrg: '区委组织部支部',
      workplace: '区委组织部',
    });
  },
];

/** A round voted, counted, final, and its winner a project completed. */
async function voteAndBuild(cloud: TestCloud) {
  const proposals = await readyProposals(cloud, 2, RESIDENTS.slice(0, 2));
  const round = await openRound(
    cloud,
    proposals.map((p) => p.id),
    { rule: { kind: 'approval', maxChoices: 1 } },
  );
  startVoting(cloud, round);
  for (const openid of RESIDENTS.slice(0, 4)) {
    await cloud.ok(openid, 'votes', 'castBallot', { roundId: round.id, choices: [proposals[0].id] });
  }
  await closeVoting(cloud, round);
  await cloud.ok(RESIDENTS[5], 'votes', 'fileObjection', { roundId: round.id, text: '计票过程希望公开说明' });
  const objection = (await cloud.ok(STAFF, 'votes', 'round', { roundId: round.id })).objections[0];
  await cloud.ok(STAFF, 'votes', 'answerObjection', {
    objectionId: objection.id,
    answer: '计票记录已在公示栏张贴',
  });
  await endPublicity(cloud, round.id);
  const project = await cloud.ok(STAFF, 'votes', 'createProject', {
    roundId: round.id,
    proposalId: proposals[0].id,
    organisation: '幸福里社工服务站',
    budget: 20000,
    plannedStartAt: cloud.clock.now() + DAY_MS,
    plannedEndAt: cloud.clock.now() + 30 * DAY_MS,
  });
  cloud.clock.advance(10 * DAY_MS);
  await cloud.ok(STAFF, 'votes', 'completeProject', { projectId: project.id });
}

const raw = async (cloud: TestCloud) => {
  const all = <T>(collection: string) => findAll<T>(cloud.deps.db.collection(collection), 1_000_000);
  return {
    participations: await all<ParticipationFields>(PARTICIPATIONS),
    events: await all<EventFields>(EVENTS),
    entries: await all<EntryFields>(ENTRIES),
    wishes: await all<WishFields>(WISHES),
    claims: await all<ClaimFields>(WISH_CLAIMS),
    proposals: await all<ProposalFields>(PROPOSALS),
    ballots: await all<BallotFields>(BALLOTS),
    projects: await all<ProjectFields>(PROJECTS),
    rounds: await all<RoundFields>(ROUNDS),
    goods: await all<GoodsFields>(GOODS),
    orders: await all<OrderFields>(ORDERS),
    applications: await all<ApplicationFields>(APPLICATIONS),
    reports: await all<ReportFields>(REPORTS),
    objections: await all<ObjectionFields>(OBJECTIONS),
  };
};

/** The dashboard's figures, counted the plain way from every row. */
function recount(rows: Awaited<ReturnType<typeof raw>>, now: number) {
  const months = recentMonths(now, DASHBOARD_MONTHS);
  const inMonth = (t: number | null, m: (typeof months)[number]) => t !== null && t >= m.from && t < m.to;
  const per = (f: (m: (typeof months)[number]) => number) => months.map(f);
  const served = (m: (typeof months)[number]) =>
    rows.participations.filter(
      (p) => p.closedAt !== null && (p.minutes ?? 0) > 0 && inMonth(p.eventStartAt, m),
    );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const series: Record<SeriesKey, number[]> = {
    activeVolunteers: per((m) => new Set(served(m).map((p) => p.userId)).size),
    serviceMinutes: per((m) => sum(served(m).map((p) => p.minutes ?? 0))),
    eventsHeld: per(
      (m) =>
        rows.events.filter((e) => e.status === 'published' && inMonth(e.startAt, m) && e.startAt <= now)
          .length,
    ),
    attendance: per(
      (m) =>
        rows.participations.filter(
          (p) => p.status === 'confirmed' && p.checkInAt !== null && inMonth(p.eventStartAt, m),
        ).length,
    ),
    pointsIssued: per((m) =>
      sum(
        rows.entries
          .filter((e) => inMonth(e.createdAt, m) && e.amount > 0 && e.kind !== 'refund')
          .map((e) => e.amount),
      ),
    ),
    pointsRedeemed: per((m) =>
      sum(
        rows.entries
          .filter((e) => inMonth(e.createdAt, m) && (e.kind === 'redeem' || e.kind === 'refund'))
          .map((e) => -e.amount),
      ),
    ),
    pointsOutstanding: per((m) => sum(rows.entries.filter((e) => e.createdAt < m.to).map((e) => e.amount))),
    wishesPosted: per((m) => rows.wishes.filter((w) => inMonth(w.createdAt, m)).length),
    wishesClaimed: per((m) => rows.claims.filter((c) => inMonth(c.claimedAt, m)).length),
    wishesFulfilled: per(
      (m) => rows.wishes.filter((w) => w.status === 'closed' && inMonth(w.closedAt, m)).length,
    ),
    proposals: per((m) => rows.proposals.filter((p) => inMonth(p.createdAt, m)).length),
    ballots: per((m) => rows.ballots.filter((b) => inMonth(b.castAt, m)).length),
    projectsCompleted: per(
      (m) => rows.projects.filter((p) => p.status === 'completed' && inMonth(p.completedAt, m)).length,
    ),
  };
  const low = rows.goods.filter((g) => g.onShelf && g.stock <= LOW_STOCK_AT);
  const overdue = rows.wishes.filter(
    (w) => ['open', 'claimed'].includes(w.status) && !w.hidden && w.dueAt <= now,
  );
  const current = {
    lowStockCount: low.length,
    wishesOverdue: overdue.length,
    proposalsPending: rows.proposals.filter((p) => p.status === 'pending').length,
    projectsInProgress: rows.projects.filter((p) => p.status === 'in_progress').length,
    pointsOutstanding: sum(rows.entries.map((e) => e.amount)),
  };
  const turnout = rows.rounds
    .filter((r) => r.results && (r.closedAt ?? 0) >= months[0].from)
    .map((r) => ({ roundId: r._id, voters: rows.ballots.filter((b) => b.roundId === r._id).length }));
  const workbench: WorkbenchView['counts'] = {
    applications: rows.applications.filter((a) => a.status === 'pending').length,
    pickups: rows.orders.filter((o) => o.status === 'awaiting_pickup' && o.expiresAt > now).length,
    hoursToConfirm: rows.participations.filter(
      (p) => p.status === 'confirmed' && p.closedAt === null && p.eventEndAt < now,
    ).length,
    lowStock: low.length,
    wishesToReview: rows.wishes.filter((w) => w.status === 'pending').length,
    wishesOverdue: overdue.length,
    openReports: rows.reports.filter((r) => r.status === 'open').length,
    proposalsToScreen: current.proposalsPending,
    objections: rows.objections.filter((o) => o.answeredAt === null).length,
  };
  return { months, series, current, turnout, lowStockIds: low.map((g) => g._id).sort(), workbench };
}

describe.each([20261123, 7, 424242])('a year of random operations (seed %i)', (seed) => {
  let cloud: TestCloud;
  let view: DashboardView;
  let badges: WorkbenchView;
  let expected: ReturnType<typeof recount>;

  beforeAll(async () => {
    cloud = startTestCloud();
    await cloud.addUser(STAFF, ['staff'], '王主任');
    const openids = new Map<string, string>();
    for (const openid of RESIDENTS) openids.set(await cloud.addUser(openid, ['volunteer'], openid), openid);
    for (const openid of MEMBERS)
      openids.set(await cloud.addUser(openid, ['party_member', 'volunteer'], openid), openid);
    const world: World = { cloud, rng: random(seed), events: [], goods: [], wishes: [], openids };
    for (const stock of [3, 8, 30])
      world.goods.push(
        (
          await createGoods(cloud, {
            name: `物品${stock}`,
            price: 10,
            initialStock: stock,
            perOrderLimit: 2,
            perMonthLimit: 6,
          })
        ).id,
      );
    const start = cloud.clock.now();
    let built = false;
    while (cloud.clock.now() < start + 420 * DAY_MS) {
      await world.rng.pick(OPERATIONS)(world);
      if (!built && cloud.clock.now() > start + 200 * DAY_MS) {
        await voteAndBuild(cloud);
        built = true;
      }
      await passTime(world);
    }
    view = await cloud.ok(STAFF, 'dashboard', 'stats', {});
    badges = await cloud.ok(STAFF, 'dashboard', 'workbench', {});
    expected = recount(await raw(cloud), cloud.clock.now());
  }, 120_000);

  afterAll(() => cloud.close());

  test('the operations touched every figure (the recount is not of nothing)', () => {
    for (const key of SERIES) {
      expect({ key, any: expected.series[key].some((v) => v > 0) }).toEqual({ key, any: true });
    }
  });

  test('twelve months, oldest first, ending with this one', () => {
    expect(view.months).toEqual(expected.months);
  });

  test.each(SERIES)('%s equals the recount, month by month', (key) => {
    expect(view.series[key]).toEqual(expected.series[key]);
  });

  test('today’s figures equal the recount', () => {
    expect(view.current).toMatchObject(expected.current);
    expect(view.current.lowStock.map((g) => g.id).sort()).toEqual(expected.lowStockIds);
  });

  test('turnout: each counted round’s voters are its ballots', () => {
    expect(view.turnout.map((r) => ({ roundId: r.roundId, voters: r.voters }))).toEqual(expected.turnout);
  });

  test('the workbench badges equal the recount', () => {
    expect(badges.counts).toEqual(expected.workbench);
  });
});

test('a row made at the very start of a month counts in that month, not the one before', async () => {
  const cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
  await cloud.addUser(RESIDENTS[0], [], '居民');
  const [previous, current] = recentMonths(cloud.clock.now() + 40 * DAY_MS, 2);
  cloud.clock.set(current.from);
  await cloud.ok(RESIDENTS[0], 'votes', 'propose', {
    requestId: 'boundary-proposal',
    title: '月初的提议',
    description: '在月份的第一毫秒提出。',
    category: 'environment',
  });
  const view = await cloud.ok(STAFF, 'dashboard', 'stats', {});
  const at = (key: string) => view.months.findIndex((m) => m.key === key);
  expect(view.series.proposals[at(current.key)]).toBe(1);
  expect(view.series.proposals[at(previous.key)]).toBe(0);
  cloud.close();
});
