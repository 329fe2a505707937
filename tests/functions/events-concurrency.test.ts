/** Capacity and the waitlist under concurrent sign-ups and cancellations. */
import { findEvent } from '../../cloudfunctions/events/store';
import { NOTIFICATIONS } from '../../cloudfunctions/runtime/notifications';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { STAFF, publishedEvent } from '../support/events';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff']);
});
afterEach(() => cloud.close());

test('2× capacity sign up at once: exactly capacity seated, the rest waitlisted in order; cancellations promote each once', async () => {
  const capacity = 25;
  const event = await publishedEvent(cloud, { capacity });
  const people = Array.from({ length: capacity * 2 }, (_, i) => `wx-p${i}`);
  const ids = new Map<string, string>();
  for (const openid of people) ids.set(openid, await cloud.addUser(openid));

  const results = await Promise.all(
    people.map((openid) => cloud.ok(openid, 'events', 'signUp', { eventId: event.id })),
  );
  const seated = results.filter((r) => r.mine?.status === 'confirmed');
  const waiting = results.filter((r) => r.mine?.status === 'waitlisted');
  expect(seated).toHaveLength(capacity);
  expect(waiting).toHaveLength(capacity);
  // Each waiting person holds a distinct place, 1..capacity, matching the event's queue.
  expect(waiting.map((r) => r.mine?.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
    Array.from({ length: capacity }, (_, i) => i + 1),
  );
  const before = await findEvent(cloud.deps.db, event.id);
  expect(before).toMatchObject({ confirmedCount: capacity });
  const queue = before?.waitlist ?? [];

  // Ten seated people cancel at once (some twice): exactly the first ten waiting are promoted.
  const leaving = people
    .filter((openid) => results[people.indexOf(openid)].mine?.status === 'confirmed')
    .slice(0, 10);
  const cancels = await Promise.all(
    [...leaving, ...leaving.slice(0, 5)].map((openid) =>
      cloud.call(openid, 'events', 'cancelSignUp', { eventId: event.id }),
    ),
  );
  expect(cancels.filter((r) => r.ok)).toHaveLength(10);
  expect(cancels.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(5).fill('NOT_SIGNED_UP'));

  const after = await findEvent(cloud.deps.db, event.id);
  expect(after).toMatchObject({ confirmedCount: capacity, waitlist: queue.slice(10) });
  const promoted = queue.slice(0, 10);
  for (const userId of promoted) {
    const openid = [...ids.entries()].find(([, id]) => id === userId)?.[0] ?? '';
    expect((await cloud.ok(openid, 'events', 'get', { eventId: event.id })).mine?.status).toBe('confirmed');
  }
  expect(await cloud.count(NOTIFICATIONS, { template: 'waitlist_promoted' })).toBe(10);
}, 60_000);
