/**
 * `npm run bench:redeem`: concurrent redemptions through the local cloud over HTTP on
 * 127.0.0.1 (a durable database file, synchronous=FULL), printing redemptions per second
 * and the database round-trips each redemption costs on the CloudBase code path.
 * Bounded: REDEMPTIONS requests in all, CONCURRENCY at a time.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createLocalCloud } from '../server/local-cloud';
import { createHttpServer } from '../server/http';
import { awardPoints } from '../cloudfunctions/points/ledger';
import { USERS, newUserFields, userIdForOpenid } from '../cloudfunctions/runtime/users';

const REDEMPTIONS = Number(process.env.REDEMPTIONS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const BUYERS = 200;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-bench-'));
  const cloud = createLocalCloud({ file: path.join(dir, 'bench.db') });
  const { db, clock } = cloud.deps;
  await db
    .collection(USERS)
    .doc(userIdForOpenid('bench-staff'))
    .set({
      data: newUserFields({ openid: 'bench-staff', roles: ['resident', 'staff'] }, clock.now()),
    });
  const buyers = Array.from({ length: BUYERS }, (_, i) => `bench-buyer-${i}`);
  for (const openid of buyers) {
    const userId = userIdForOpenid(openid);
    await db
      .collection(USERS)
      .doc(userId)
      .set({ data: newUserFields({ openid }, clock.now()) });
    await awardPoints(
      db,
      {
        key: `service_bench_${userId}`,
        userId,
        amount: 1_000_000,
        kind: 'service',
        reason: 'bench',
        sourceType: 'bench',
        sourceId: 'bench',
        operatorId: null,
      },
      clock.now(),
    );
  }
  const goods = await cloud.invoke(
    'mall',
    {
      action: 'saveGoods',
      input: {
        name: '压测物品',
        price: 1,
        perOrderLimit: 1,
        perMonthLimit: 999,
        pickupPlace: '-',
        pickupHours: '-',
        onShelf: true,
        initialStock: REDEMPTIONS,
      },
    },
    'bench-staff',
  );
  if (!goods.ok) throw new Error(goods.message);
  const goodsId = (goods.data as { id: string }).id;

  const app = createHttpServer(cloud);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  cloud.store.resetStats();

  let next = 0;
  let ok = 0;
  const started = process.hrtime.bigint();
  async function worker() {
    while (next < REDEMPTIONS) {
      const i = next++;
      const res = await fetch(`${base}/cloud/mall`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': buyers[i % BUYERS] },
        body: JSON.stringify({
          action: 'redeem',
          input: { goodsId, quantity: 1, requestId: `bench-${i}-request` },
        }),
      });
      if (((await res.json()) as { ok: boolean }).ok) ok += 1;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { roundTrips, byApi } = cloud.store.stats;

  console.log(`redemptions      ${ok} ok of ${REDEMPTIONS} (concurrency ${CONCURRENCY}, HTTP on 127.0.0.1)`);
  console.log(`throughput       ${(ok / seconds).toFixed(0)} redemptions/s (goal ≥ 1000/s)`);
  console.log(
    `round-trips      ${(roundTrips / REDEMPTIONS).toFixed(1)} database requests per redemption (goal ≤ 3)`,
  );
  for (const [api, count] of Object.entries(byApi).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${api.padEnd(28)} ${(count / REDEMPTIONS).toFixed(1)}`);
  }
  await app.close();
  cloud.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
