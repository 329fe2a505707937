/**
 * `npm run bench:load`: rushes on one hot document, over HTTP against the local cloud with a
 * CloudBase-like database round trip (LLT_DB_LATENCY_MS, default 10 ms here) and a durable file.
 * For each scenario it prints successes, business refusals, errors (the goal is 0), latency
 * percentiles, database requests per action, transaction conflicts and retries, and checks the
 * outcome (seats, stock, hours) so a fast wrong answer cannot pass for a result. Bounded: a fixed
 * number of requests per scenario.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { HOUR_MS, MINUTE_MS, DAY_MS } from '../core/time';
import { isErrorCode, type ErrorCode } from '../core/errors';
import { issueToken } from '../core/domain/checkin-token';
import { awardPoints, ACCOUNTS, ENTRIES } from '../cloudfunctions/points/ledger';
import { hmacSigner } from '../cloudfunctions/runtime/config';
import { findAll, transactionStats } from '../cloudfunctions/runtime/db';
import { ManualClock } from '../cloudfunctions/runtime/ports';
import { USERS, newUserFields, userIdForOpenid } from '../cloudfunctions/runtime/users';
import { EVENTS, PARTICIPATIONS, findEvent, type ParticipationFields } from '../cloudfunctions/events/store';
import { autoCloseHours } from '../cloudfunctions/events/jobs';
import { createHttpServer } from '../server/http';
import { createLocalCloud, type LocalCloud } from '../server/local-cloud';
import { latencyFromEnv } from '../server/standin/latency';

const LATENCY_MS = latencyFromEnv(10);
const STAFF = 'bench-staff';
/** Codes that mean the system failed the resident, as opposed to a business answer. */
const ERRORS: ErrorCode[] = ['INTERNAL', 'NETWORK', 'UNKNOWN_ACTION', 'UNKNOWN_FUNCTION', 'UNAUTHENTICATED'];

interface Outcome {
  ms: number;
  ok: boolean;
  code?: string;
}

interface Env {
  cloud: LocalCloud;
  clock: ManualClock;
  base: string;
}

async function post(env: Env, openid: string, fn: string, action: string, input: unknown): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${env.base}/cloud/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action, input }),
    });
    const body = (await res.json()) as { ok?: boolean; code?: string };
    const ms = performance.now() - started;
    return body.ok
      ? { ms, ok: true }
      : { ms, ok: false, code: isErrorCode(body.code) ? body.code : 'NOT_ENVELOPE' };
  } catch {
    return { ms: performance.now() - started, ok: false, code: 'NETWORK' };
  }
}

async function invoke<T>(env: Env, openid: string, fn: string, action: string, input: unknown): Promise<T> {
  const res = await env.cloud.invoke(fn, { action, input }, openid);
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`);
  return res.data as T;
}

async function addUsers(env: Env, prefix: string, n: number, roles: string[] = ['resident']) {
  const openids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  await Promise.all(
    openids.map((openid) =>
      env.cloud.deps.db
        .collection(USERS)
        .doc(userIdForOpenid(openid))
        .set({ data: newUserFields({ openid, nickname: openid, roles: roles as never }, env.clock.now()) }),
    ),
  );
  return openids;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** Fire `count` requests, all at once or spread evenly over `spreadMs`, and print the figures. */
async function rush(
  env: Env,
  label: string,
  goal: { p95Ms: number },
  count: number,
  request: (i: number) => Promise<Outcome>,
  spreadMs = 0,
): Promise<Outcome[]> {
  env.cloud.store.resetStats();
  const before = { ...transactionStats };
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      if (spreadMs) await new Promise((resolve) => setTimeout(resolve, (i / count) * spreadMs));
      return request(i);
    }),
  );
  const stats = env.cloud.store.stats;
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - wallBefore;
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const errors = outcomes.filter((o) => !o.ok && ERRORS.includes(o.code as ErrorCode));
  const refusals = outcomes.filter((o) => !o.ok && !errors.includes(o));
  const codes = (list: Outcome[]) =>
    [...new Set(list.map((o) => o.code))]
      .map((c) => `${c}×${list.filter((o) => o.code === c).length}`)
      .join(' ');
  console.log(`\n${label}`);
  console.log(`  successes        ${outcomes.filter((o) => o.ok).length}`);
  console.log(`  refusals         ${refusals.length}${refusals.length ? `  (${codes(refusals)})` : ''}`);
  console.log(`  errors           ${errors.length}${errors.length ? `  (${codes(errors)})` : ''}   (goal 0)`);
  console.log(
    `  latency ms       p50 ${percentile(ms, 50).toFixed(0)}  p95 ${percentile(ms, 95).toFixed(0)}  max ${(ms[ms.length - 1] ?? 0).toFixed(0)}   (goal p95 ≤ ${goal.p95Ms})`,
  );
  console.log(`  db requests      ${(stats.roundTrips / count).toFixed(1)} per action`);
  for (const [api, n] of Object.entries(stats.byApi).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${api.replace('database.', '').padEnd(20)} ${(n / count).toFixed(2)}`);
  }
  console.log(
    `  conflicts        ${stats.conflicts}   retries ${transactionStats.retries - before.retries}   transactions ${stats.transactions}`,
  );
  // Everything (HTTP, functions, SDK, stand-in) shares one process here; on CloudBase each
  // instance has its own CPU. A share near 100 % means this machine, not the design, set the pace.
  console.log(
    `  local CPU        ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms over ${wall.toFixed(0)} ms wall (${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)} % of one core)`,
  );
  // An error (INTERNAL, a conflict left unresolved) is a fault, not a figure; latency is a figure.
  check('no request answered with an error', errors.length === 0);
  return outcomes;
}

function check(label: string, condition: boolean) {
  console.log(`  check            ${condition ? 'OK  ' : 'FAIL'} ${label}`);
  if (!condition) process.exitCode = 1;
}

interface EventIdOnly {
  id: string;
}

async function newEvent(env: Env, overrides: Record<string, unknown>): Promise<string> {
  const now = env.clock.now();
  const draft = await invoke<EventIdOnly>(env, STAFF, 'events', 'save', {
    title: '压测活动',
    category: 'volunteer',
    place: '社区服务中心',
    startAt: now + DAY_MS,
    endAt: now + DAY_MS + 2 * HOUR_MS,
    signupDeadline: now + DAY_MS - HOUR_MS,
    capacity: 100,
    audience: 'everyone',
    ...overrides,
  });
  await invoke(env, STAFF, 'events', 'publish', { eventId: draft.id });
  return draft.id;
}

async function signUpRush(env: Env) {
  const eventId = await newEvent(env, { capacity: 100 });
  const people = await addUsers(env, 'signup', 300);
  const outcomes = await rush(
    env,
    '300 concurrent sign-ups for a 100-seat event',
    { p95Ms: 3000 },
    300,
    (i) => post(env, people[i], 'events', 'signUp', { eventId }),
  );
  const event = await findEvent(env.cloud.deps.db, eventId);
  const rows = await findAll<ParticipationFields>(
    env.cloud.deps.db.collection(PARTICIPATIONS).where({ eventId }),
    1000,
  );
  check(
    '100 confirmed, 200 waitlisted',
    rows.filter((p) => p.status === 'confirmed').length === 100 && event?.waitlist.length === 200,
  );
  check('the waitlist holds each waiting resident once', new Set(event?.waitlist).size === 200);
  // Arrival order: a queued sign-up keeps the time it arrived (createdAt); one that got through
  // on its first plain attempt carries its own transaction's time, so neighbours that arrived
  // within a few ms may swap (docs/architecture.md, known limits). Printed, not checked.
  const arrived = new Map(rows.map((p) => [p.userId, p.createdAt]));
  const times = (event?.waitlist ?? []).map((userId) => arrived.get(userId) ?? 0);
  const swaps = times.slice(1).filter((t, i) => t < times[i]);
  const worst = Math.max(0, ...times.slice(1).map((t, i) => times[i] - t));
  console.log(
    `  waitlist order   ${swaps.length} of ${times.length - 1} neighbours swapped, by ≤ ${worst} ms`,
  );
  check('every request answered', outcomes.length === 300);
}

async function redeemRush(env: Env) {
  const buyers = await addUsers(env, 'buyer', 500);
  await Promise.all(
    buyers.map((openid) =>
      awardPoints(
        env.cloud.deps.db,
        {
          key: `service_bench_${openid}`,
          userId: userIdForOpenid(openid),
          amount: 100,
          kind: 'service',
          reason: 'bench',
          sourceType: 'bench',
          sourceId: openid,
          operatorId: null,
        },
        env.clock.now(),
      ),
    ),
  );
  const goods = await invoke<EventIdOnly>(env, STAFF, 'mall', 'saveGoods', {
    name: '压测物品',
    price: 10,
    perOrderLimit: 1,
    perMonthLimit: 1,
    pickupPlace: '社区服务中心',
    pickupHours: '工作日 9:00-17:00',
    onShelf: true,
    initialStock: 10,
  });
  const outcomes = await rush(
    env,
    '500 concurrent redemptions of a stock-10 item by 500 buyers',
    { p95Ms: 3000 },
    500,
    (i) =>
      post(env, buyers[i], 'mall', 'redeem', {
        goodsId: goods.id,
        quantity: 1,
        requestId: `bench-redeem-${i}`,
      }),
  );
  check('exactly 10 redeemed', outcomes.filter((o) => o.ok).length === 10);
  const left = (await env.cloud.deps.db.collection('goods').doc(goods.id).get()) as unknown as {
    data: { stock: number };
  };
  check('stock 0', left.data.stock === 0);
}

async function checkInRush(env: Env) {
  const now = env.clock.now();
  const volunteers = await addUsers(env, 'volunteer', 200, ['resident', 'volunteer']);
  const eventId = await newEvent(env, {
    capacity: 200,
    startAt: now + 10 * MINUTE_MS,
    endAt: now + 3 * HOUR_MS,
    signupDeadline: now + 5 * MINUTE_MS,
  });
  for (const openid of volunteers) await invoke(env, openid, 'events', 'signUp', { eventId });
  env.clock.advance(10 * MINUTE_MS); // the event has started
  const event = await findEvent(env.cloud.deps.db, eventId);
  const token = issueToken(hmacSigner, event?.secret ?? '', eventId, 'in', env.clock.now());
  const outcomes = await rush(
    env,
    '200 volunteers checking in to one event within 3 s',
    { p95Ms: 1000 },
    200,
    (i) => post(env, volunteers[i], 'events', 'checkIn', { eventId, token }),
    3000,
  );
  check('200 checked in', outcomes.filter((o) => o.ok).length === 200);
}

async function confirmWhileAutoClose(env: Env) {
  const now = env.clock.now();
  const leader = (await addUsers(env, 'leader', 1, ['resident', 'volunteer']))[0];
  const volunteers = await addUsers(env, 'helper', 100, ['resident', 'volunteer']);
  const eventId = await newEvent(env, {
    capacity: 100,
    startAt: now + HOUR_MS,
    endAt: now + 3 * HOUR_MS,
    signupDeadline: now + 30 * MINUTE_MS,
    pointsPerHour: 2,
    leaderIds: [userIdForOpenid(leader)],
  });
  for (const openid of volunteers) await invoke(env, openid, 'events', 'signUp', { eventId });
  // Everyone served the whole event; the job may close hours 24 h after its end.
  const event = await findEvent(env.cloud.deps.db, eventId);
  const rows = await findAll<ParticipationFields>(
    env.cloud.deps.db.collection(PARTICIPATIONS).where({ eventId }),
    1000,
  );
  await Promise.all(
    rows.map((p) =>
      env.cloud.deps.db
        .collection(PARTICIPATIONS)
        .doc(p._id)
        .update({ data: { checkInAt: event?.startAt, checkOutAt: event?.endAt } }),
    ),
  );
  env.clock.set((event?.endAt ?? 0) + DAY_MS + MINUTE_MS);
  env.cloud.store.resetStats();
  const started = performance.now();
  let jobMs = 0;
  const [confirm] = await Promise.all([
    rush(
      env,
      'a leader confirming 100 participants’ hours while the auto-close job runs',
      { p95Ms: 3000 },
      1,
      () => post(env, leader, 'events', 'confirmHours', { eventId, adjustments: [] }),
    ),
    autoCloseHours.run(env.cloud.deps).then(() => (jobMs = performance.now() - started)),
  ]);
  console.log(`  auto-close job   finished in ${jobMs.toFixed(0)} ms`);
  const ids = new Set(rows.map((p) => p._id));
  const entries = (
    await findAll<{ amount: number; sourceId: string }>(
      env.cloud.deps.db.collection(ENTRIES).where({ sourceType: 'participation' }),
      1000,
    )
  ).filter((e) => ids.has(e.sourceId));
  const accounts = await findAll<{ userId: string; balance: number }>(
    env.cloud.deps.db.collection(ACCOUNTS),
    100000,
  );
  const ledger = new Map<string, number>();
  for (const e of await findAll<{ userId: string; amount: number }>(
    env.cloud.deps.db.collection(ENTRIES),
    100000,
  )) {
    ledger.set(e.userId, (ledger.get(e.userId) ?? 0) + e.amount);
  }
  check('the leader’s confirmation answered', confirm[0].ok);
  console.log(
    `  entries          ${entries.length}: ${[...new Set(entries.map((e) => e.amount))].join(',')}`,
  );
  check(
    '100 service entries, each paid once (4 points)',
    entries.length === 100 && entries.every((e) => e.amount === 4),
  );
  check(
    'every balance equals the sum of its ledger entries',
    accounts.length > 0 && accounts.every((a) => a.balance === (ledger.get(a.userId) ?? 0)),
  );
  void EVENTS;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-load-'));
  const clock = new ManualClock(Date.now());
  const cloud = createLocalCloud({ file: path.join(dir, 'load.db'), clock, latencyMs: LATENCY_MS });
  const app = createHttpServer(cloud);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const env: Env = { cloud, clock, base };
  await cloud.deps.db
    .collection(USERS)
    .doc(userIdForOpenid(STAFF))
    .set({ data: newUserFields({ openid: STAFF, roles: ['resident', 'staff'] }, clock.now()) });
  console.log(
    `bench:load — database round trip ${LATENCY_MS} ms (LLT_DB_LATENCY_MS), HTTP on 127.0.0.1, file with synchronous=FULL`,
  );
  try {
    await signUpRush(env);
    await redeemRush(env);
    await checkInRush(env);
    await confirmWhileAutoClose(env);
  } finally {
    await app.close();
    cloud.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
