/** The notification outbox: queued with the change, delivered by a job once each, resumable. */
import { releaseCancelledSignups } from '../../cloudfunctions/events/jobs';
import { EVENTS, PARTICIPATIONS } from '../../cloudfunctions/events/store';
import { inTransaction } from '../../cloudfunctions/runtime/db';
import {
  DELIVERY_LEASE_MS,
  MAX_ATTEMPTS,
  NOTIFICATIONS,
  deliverPending,
  queueNotification,
  type NotificationDoc,
} from '../../cloudfunctions/runtime/notifications';
import type { Deliver } from '../../cloudfunctions/runtime/ports';
import { deliverNotifications } from '../../cloudfunctions/user/jobs';
import { STAFF, publishedEvent } from '../support/events';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

/** A delivery channel that records every completed send per message id. */
function recordingChannel() {
  const sent = new Map<string, number>();
  const deliver: Deliver = async (message) => {
    sent.set(message._id, (sent.get(message._id) ?? 0) + 1);
    return 'sent';
  };
  return { sent, deliver };
}

async function rows(cloud: TestCloud): Promise<NotificationDoc[]> {
  const res = (await cloud.deps.db.collection(NOTIFICATIONS).limit(1000).get()) as unknown as {
    data: NotificationDoc[];
  };
  return res.data;
}

let cloud: TestCloud;
afterEach(() => cloud.close());

test('a message is queued in the transaction of its change: a rollback queues nothing', async () => {
  cloud = startTestCloud();
  const userId = await cloud.addUser('wx-a');
  await expect(
    inTransaction(cloud.deps.db, async (tx) => {
      await queueNotification(tx, { userId, template: 't', title: '不会发出', body: '' }, cloud.clock.now());
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  expect(await cloud.count(NOTIFICATIONS)).toBe(0);
});

test('a keyed message is queued once, however often its transaction runs', async () => {
  cloud = startTestCloud();
  const userId = await cloud.addUser('wx-a');
  const message = { userId, template: 't', title: '一次', body: '', key: 'once' };
  await Promise.all(Array.from({ length: 5 }, () => cloud.notify(message)));
  await cloud.notify(message);
  expect(await cloud.count(NOTIFICATIONS)).toBe(1);
});

test('the delivery job sends each pending message once, even when two runs overlap', async () => {
  const channel = recordingChannel();
  cloud = startTestCloud({ deliver: channel.deliver });
  const userId = await cloud.addUser('wx-a');
  for (let i = 0; i < 30; i += 1) await cloud.notify({ userId, template: 't', title: `第${i}条`, body: '' });

  await Promise.all([deliverNotifications.run(cloud.deps), deliverNotifications.run(cloud.deps)]);

  expect(channel.sent.size).toBe(30);
  expect([...channel.sent.values()].every((n) => n === 1)).toBe(true);
  expect((await rows(cloud)).every((r) => r.status === 'sent' && r.deliveredAt !== null)).toBe(true);
  expect(await deliverNotifications.run(cloud.deps)).toBe('delivered 0 notifications');
});

test('a failing channel is retried, and given up after MAX_ATTEMPTS', async () => {
  let calls = 0;
  cloud = startTestCloud({
    deliver: async () => {
      calls += 1;
      throw new Error('subscribe message quota exceeded');
    },
  });
  const userId = await cloud.addUser('wx-a');
  await cloud.notify({ userId, template: 't', title: '发不出去', body: '' });
  for (let run = 0; run < MAX_ATTEMPTS + 2; run += 1)
    await deliverPending(cloud.deps.db, cloud.clock, cloud.deps.deliver);
  expect(calls).toBe(MAX_ATTEMPTS);
  expect((await rows(cloud))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
});

test('delivery killed mid-way: after the lease, the rest goes out and nothing is sent twice', async () => {
  const channel = recordingChannel();
  let hang = true;
  const deliver: Deliver = (message) => {
    // The third message's send never completes: the job's process died while sending it.
    if (hang && channel.sent.size === 2) return new Promise(() => undefined);
    return channel.deliver(message);
  };
  cloud = startTestCloud({ deliver });
  const userId = await cloud.addUser('wx-a');
  for (let i = 0; i < 6; i += 1) {
    await cloud.notify({ userId, template: 't', title: `第${i}条`, body: '' });
    cloud.clock.advance(1);
  }

  void deliverNotifications.run(cloud.deps); // never finishes
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(channel.sent.size).toBe(2);

  hang = false;
  // Within the lease the claimed message is left alone (the rest go); after it, it is taken over.
  await deliverNotifications.run(cloud.deps);
  expect(channel.sent.size).toBe(5);
  expect((await rows(cloud)).filter((r) => r.status === 'sending')).toHaveLength(1);
  cloud.clock.advance(DELIVERY_LEASE_MS + 1);
  await deliverNotifications.run(cloud.deps);

  expect(channel.sent.size).toBe(6);
  expect([...channel.sent.values()].every((n) => n === 1)).toBe(true);
  expect((await rows(cloud)).map((r) => r.status)).toEqual(Array(6).fill('sent'));
});

test('a cancellation interrupted after its commit is finished by the job, each person told once', async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff']);
  const event = await publishedEvent(cloud, { capacity: 30 });
  const people = Array.from({ length: 40 }, (_, i) => `wx-p${i}`);
  for (const openid of people) {
    await cloud.addUser(openid);
    await cloud.ok(openid, 'events', 'signUp', { eventId: event.id });
  }
  // The handler's process died right after the cancellation committed: only the event changed.
  await cloud.deps.db
    .collection(EVENTS)
    .doc(event.id)
    .update({ data: { status: 'cancelled', cancelReason: '台风预警', releasingSignups: true } });

  const reports = await Promise.all([
    releaseCancelledSignups.run(cloud.deps),
    releaseCancelledSignups.run(cloud.deps),
  ]);
  expect(reports[0]).toMatch(/of 1 cancelled events/);
  await releaseCancelledSignups.run(cloud.deps);

  expect(await cloud.count(PARTICIPATIONS, { eventId: event.id, status: 'cancelled' })).toBe(40);
  expect(await cloud.count(NOTIFICATIONS, { template: 'event_cancelled' })).toBe(40);
  const told = (await rows(cloud)).filter((r) => r.template === 'event_cancelled').map((r) => r.userId);
  expect(new Set(told).size).toBe(40);
  expect(await cloud.count(EVENTS, { _id: event.id, releasingSignups: false })).toBe(1);
}, 30_000);

test('messages are unread until 我的消息 shows them; one arriving meanwhile stays unread', async () => {
  cloud = startTestCloud();
  const userId = await cloud.addUser('wx-a');
  await cloud.notify({ userId, template: 't', title: '第一条', body: '' });
  cloud.clock.advance(1000);
  await cloud.notify({ userId, template: 't', title: '第二条', body: '' });
  expect(await cloud.ok('wx-a', 'user', 'unreadMessages', {})).toEqual({ count: 2 });
  const shown = await cloud.ok('wx-a', 'user', 'listOutbox', {});
  expect(shown.items.map((m) => m.read)).toEqual([false, false]);
  const upTo = shown.items[0].createdAt;
  cloud.clock.advance(1000);
  await cloud.notify({ userId, template: 't', title: '第三条', body: '' });
  expect(await cloud.ok('wx-a', 'user', 'markMessagesRead', { upTo })).toEqual({ count: 2 });
  expect(await cloud.ok('wx-a', 'user', 'unreadMessages', {})).toEqual({ count: 1 });
  expect((await cloud.ok('wx-a', 'user', 'listOutbox', {})).items.map((m) => [m.title, m.read])).toEqual([
    ['第三条', false],
    ['第二条', true],
    ['第一条', true],
  ]);
  // Someone else's messages are neither counted nor marked.
  await cloud.addUser('wx-b');
  expect(await cloud.ok('wx-b', 'user', 'markMessagesRead', { upTo: cloud.clock.now() })).toEqual({
    count: 0,
  });
  expect(await cloud.ok('wx-a', 'user', 'unreadMessages', {})).toEqual({ count: 1 });
});
