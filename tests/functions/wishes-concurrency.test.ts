/**
 * 微心愿 under concurrency. Each invariant is held by a document every competing transaction
 * writes (the wish, the member's claim guard, the poster's guard, the ledger entry), so these
 * races stay correct under snapshot isolation too, where a guard that is only read would let two
 * transactions through together.
 */
import { ENTRIES } from '../../cloudfunctions/points/ledger';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { releaseOverdueClaims } from '../../cloudfunctions/wishes/jobs';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { WISHES, WISH_CLAIMS, findWish } from '../../cloudfunctions/wishes/store';
import { expectConsistent } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import {
  MEMBER,
  POSTER,
  PROOF,
  STAFF,
  community,
  expectGuardsConsistent,
  fulfilledWish,
  openWish,
  stored,
  wishInput,
  type Community,
} from '../support/wishes';

let cloud: TestCloud;
let people: Community;

beforeEach(async () => {
  cloud = startTestCloud();
  people = await community(cloud);
});
afterEach(async () => {
  await expectGuardsConsistent(cloud);
  await expectConsistent(cloud);
  cloud.close();
});

const codes = (results: { ok: boolean; code?: string }[]) =>
  results.filter((r) => !r.ok).map((r) => (r as { code: string }).code);

/** `count` open wishes, each from its own poster (a poster may have only 3). */
async function openWishes(count: number) {
  const wishes = [];
  for (let i = 0; i < count; i += 1) {
    const poster = `wx-poster-${i}`;
    await cloud.addUser(poster);
    wishes.push(await openWish(cloud, poster));
  }
  return wishes;
}

test('20 party members claiming the same wish at once: exactly one claim', async () => {
  const wish = await openWish(cloud);
  const members = Array.from({ length: 20 }, (_, i) => `wx-m${i}`);
  for (const openid of members) await cloud.addUser(openid, ['party_member']);

  const results = await Promise.all(
    members.map((m) => cloud.call(m, 'wishes', 'claim', { wishId: wish.id })),
  );

  const winners = results.flatMap((r, i) => (r.ok ? [members[i]] : []));
  expect(winners).toHaveLength(1);
  expect(codes(results)).toEqual(Array(19).fill('WISH_TAKEN'));
  expect(await cloud.count(WISH_CLAIMS)).toBe(1);
  expect((await findWish(cloud.deps.db, wish.id))?.claim?.memberId).toBe(userIdForOpenid(winners[0]));
  // The winner sees the contact; every other member sees it taken and masked.
  expect((await cloud.ok(winners[0], 'wishes', 'get', { wishId: wish.id })).contactVisible).toBe(true);
  for (const loser of members.filter((m) => m !== winners[0])) {
    expect((await cloud.ok(loser, 'wishes', 'get', { wishId: wish.id })).contact).toBeNull();
  }
  expect(await cloud.count(NOTIFICATIONS, { userId: people.posterId, template: 'wish_claimed' })).toBe(1);
}, 60_000);

test('a member at their limit cannot pass it with concurrent claims on different wishes', async () => {
  const wishes = await openWishes(8);
  // Two live claims of three allowed: one more may succeed, whatever the interleaving.
  for (const wish of wishes.slice(0, 2)) await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });

  const results = await Promise.all(
    wishes.slice(2, 7).map((w) => cloud.call(MEMBER, 'wishes', 'claim', { wishId: w.id })),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(codes(results)).toEqual(Array(4).fill('WISH_CLAIM_LIMIT'));
  const live = (await stored.wishes(cloud)).filter((w) => w.claim?.memberId === people.memberId);
  expect(live).toHaveLength(3);

  // At the limit, no concurrent burst gets one more.
  const unclaimed = (await stored.wishes(cloud)).filter((w) => w.status === 'open');
  expect(unclaimed).toHaveLength(5);
  const more = await Promise.all(
    unclaimed.map((w) => cloud.call(MEMBER, 'wishes', 'claim', { wishId: w._id })),
  );
  expect(codes(more)).toEqual(Array(5).fill('WISH_CLAIM_LIMIT'));
  expect((await stored.wishes(cloud)).filter((w) => w.claim?.memberId === people.memberId)).toHaveLength(3);
}, 60_000);

test('a poster cannot pass 3 open wishes with concurrent posts; one request id posts once', async () => {
  await cloud.ok(POSTER, 'wishes', 'post', wishInput(cloud));
  const results = await Promise.all(
    Array.from({ length: 5 }, () => cloud.call(POSTER, 'wishes', 'post', wishInput(cloud))),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(2);
  expect(codes(results)).toEqual(Array(3).fill('WISH_OPEN_LIMIT'));

  const retried = wishInput(cloud);
  await cloud.addUser('wx-retry');
  const retries = await Promise.all(
    Array.from({ length: 5 }, () => cloud.ok('wx-retry', 'wishes', 'post', retried)),
  );
  expect(new Set(retries.map((w) => w.id)).size).toBe(1);
  expect(
    await cloud.count(WISHES, { recipientId: (await cloud.ok('wx-retry', 'user', 'login', {})).user.id }),
  ).toBe(1);
}, 60_000);

test('confirmation sent 10 times at once, the auto-release job racing it: paid once, Σ ledger = balance', async () => {
  const wish = await fulfilledWish(cloud);
  cloud.clock.set(wish.dueAt + 1);
  const [confirms] = await Promise.all([
    Promise.all(
      Array.from({ length: 10 }, () => cloud.call(POSTER, 'wishes', 'confirm', { wishId: wish.id })),
    ),
    releaseOverdueClaims.run(cloud.deps),
    releaseOverdueClaims.run(cloud.deps),
  ]);
  expect(confirms.every((r) => r.ok && r.data.status === 'closed')).toBe(true);
  expect(await cloud.count(ENTRIES, { kind: 'wish' })).toBe(1);
  expect(await cloud.count(ENTRIES, { _id: `wish_${wish.id}`, amount: 5, userId: people.memberId })).toBe(1);
  expect((await cloud.ok(MEMBER, 'points', 'myAccount', {})).balance).toBe(5);
  expect(await cloud.count(NOTIFICATIONS, { userId: people.memberId, template: 'wish_closed' })).toBe(1);
}, 60_000);

test('the job racing a fulfilment and its confirmations: a wish is released or paid, never both', async () => {
  const wishes = await openWishes(6);
  await cloud.ok(STAFF, 'wishes', 'saveSettings', { claimLimit: 6, points: 5 });
  for (const wish of wishes) await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
  cloud.clock.set(wishes[0].dueAt);

  await Promise.all([
    releaseOverdueClaims.run(cloud.deps),
    ...wishes.map(async (wish, i) => {
      const done = await cloud.call(MEMBER, 'wishes', 'fulfil', {
        wishId: wish.id,
        note: '完成',
        photos: PROOF,
      });
      if (!done.ok) return;
      await Promise.all(
        Array.from({ length: 10 }, () =>
          cloud.call(`wx-poster-${i}`, 'wishes', 'confirm', { wishId: wish.id }),
        ),
      );
    }),
  ]);

  const after = await stored.wishes(cloud);
  const entries = await cloud.count(ENTRIES, { kind: 'wish' });
  for (const wish of after) {
    const paid = await cloud.count(ENTRIES, { _id: `wish_${wish._id}` });
    expect({ status: wish.status, paid }).toEqual(
      wish.status === 'closed' ? { status: 'closed', paid: 1 } : { status: 'open', paid: 0 },
    );
  }
  expect((await cloud.ok(MEMBER, 'points', 'myAccount', {})).balance).toBe(5 * entries);
}, 60_000);

test('release, revoke and the job at once end a claim once; each side is told once', async () => {
  const wish = await openWish(cloud);
  await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: wish.id });
  cloud.clock.set(wish.dueAt);
  const [release, revoke] = await Promise.all([
    cloud.call(MEMBER, 'wishes', 'release', { wishId: wish.id, reason: '来不及了' }),
    cloud.call(STAFF, 'wishes', 'revoke', { wishId: wish.id, reason: '改由社区处理' }),
    releaseOverdueClaims.run(cloud.deps),
  ]);
  expect([release, revoke].filter((r) => r.ok).length).toBeLessThanOrEqual(1);
  const claims = await stored.claims(cloud);
  expect(claims).toHaveLength(1);
  expect(['released', 'revoked', 'expired']).toContain(claims[0].status);
  const ended = { template: 'wish_claim_ended' };
  expect(await cloud.count(NOTIFICATIONS, { ...ended, userId: people.posterId })).toBe(1);
  expect(await cloud.count(NOTIFICATIONS, { ...ended, userId: people.memberId })).toBe(1);
  expect((await stored.wishes(cloud))[0]).toMatchObject({ status: 'open', claim: null });
}, 60_000);
