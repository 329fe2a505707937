/** Fixtures for event tests. */
import type { EventView, InputOf } from '../../core/contract';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { issueToken, type Purpose } from '../../core/domain/checkin-token';
import { hmacSigner } from '../../cloudfunctions/runtime/config';
import { findEvent } from '../../cloudfunctions/events/store';
import type { TestCloud } from './test-cloud';

export const STAFF = 'wx-staff';

/** A published three-hour event two days after the test clock's start. */
export async function publishedEvent(
  cloud: TestCloud,
  overrides: Partial<InputOf<'events', 'save'>> = {},
): Promise<EventView> {
  const startAt = cloud.clock.now() + 2 * DAY_MS;
  const draft = await cloud.ok(STAFF, 'events', 'save', {
    title: '重阳节敬老服务',
    category: 'volunteer',
    place: '社区服务中心',
    startAt,
    endAt: startAt + 3 * HOUR_MS,
    signupDeadline: startAt - HOUR_MS,
    capacity: 10,
    audience: 'everyone',
    ...overrides,
  });
  return cloud.ok(STAFF, 'events', 'publish', { eventId: draft.id });
}

/** The save input that edits `event` as it stands, with `changes` (events.save takes the whole event). */
export function editInput(
  event: EventView,
  changes: Partial<InputOf<'events', 'save'>> = {},
): InputOf<'events', 'save'> {
  return {
    eventId: event.id,
    title: event.title,
    category: event.category,
    place: event.place,
    startAt: event.startAt,
    endAt: event.endAt,
    signupDeadline: event.signupDeadline,
    capacity: event.capacity,
    audience: event.audience,
    ...changes,
  };
}

/** The token the leader's screen would show at the test clock's time. */
export async function tokenFor(cloud: TestCloud, eventId: string, purpose: Purpose): Promise<string> {
  const event = await findEvent(cloud.deps.db, eventId);
  if (!event) throw new Error('no such event');
  return issueToken(hmacSigner, event.secret, eventId, purpose, cloud.clock.now());
}
