/** Fixtures for 微心愿 tests: a small community, and wishes at each step of their life. */
import type { InputOf, UserId, WishView } from '../../core/contract';
import { DAY_MS } from '../../core/time';
import { findAll } from '../../cloudfunctions/runtime/db';
import { NOTIFICATIONS, type NotificationFields } from '../../cloudfunctions/runtime/notifications';
import {
  WISHES,
  WISH_CLAIMS,
  WISH_GUARDS,
  claimerGuardId,
  posterGuardId,
  type ClaimFields,
  type GuardFields,
  type WishFields,
} from '../../cloudfunctions/wishes/store';
import type { TestCloud } from './test-cloud';

export const STAFF = 'wx-staff';
export const POSTER = 'wx-poster';
export const MEMBER = 'wx-member';
export const NEIGHBOUR = 'wx-neighbour';

/** The contact every fixture wish carries: distinctive, so a leak anywhere in a reply is found. */
export const CONTACT = {
  name: '王秀珍',
  building: '3号楼',
  unit: '2单元501',
  phone: '13800000001',
  phoneConsent: true,
};
export const CONTACT_SECRETS = [CONTACT.name, CONTACT.unit, CONTACT.phone];

export interface Community {
  staffId: UserId;
  posterId: UserId;
  memberId: UserId;
  neighbourId: UserId;
  /** A managed elderly resident staff registered. */
  managedId: UserId;
}

export async function community(cloud: TestCloud): Promise<Community> {
  const staffId = await cloud.addUser(STAFF, ['staff'], '王主任');
  const posterId = await cloud.addUser(POSTER, [], '孙阿姨');
  const memberId = await cloud.addUser(MEMBER, ['party_member'], '陈建国');
  const neighbourId = await cloud.addUser(NEIGHBOUR, [], '周邻居');
  const managed = await cloud.ok(STAFF, 'user', 'createManagedResident', {
    realName: '张桂英',
    building: '1号楼',
    unit: '1单元101',
    phone: '13900000002',
  });
  return { staffId, posterId, memberId, neighbourId, managedId: managed.id };
}

let serial = 0;
export function wishInput(
  cloud: TestCloud,
  overrides: Partial<InputOf<'wishes', 'post'>> = {},
): InputOf<'wishes', 'post'> {
  serial += 1;
  return {
    title: '想要一副老花镜',
    story: '眼睛花了，看不清药盒上的字。',
    category: 'goods',
    wantedBy: cloud.clock.now() + 7 * DAY_MS,
    contact: CONTACT,
    requestId: `wish-request-${serial}`,
    ...overrides,
  };
}

/** A wish posted by `poster` and approved by staff: on the wall, claimable. */
export async function openWish(
  cloud: TestCloud,
  poster = POSTER,
  overrides: Partial<InputOf<'wishes', 'post'>> = {},
): Promise<WishView> {
  const posted = await cloud.ok(poster, 'wishes', 'post', wishInput(cloud, overrides));
  return cloud.ok(STAFF, 'wishes', 'review', { wishId: posted.id, approve: true });
}

/** A wish staff posted for a managed resident, approved. */
export async function openWishFor(cloud: TestCloud, managedId: UserId): Promise<WishView> {
  const posted = await cloud.ok(STAFF, 'wishes', 'postFor', { ...wishInput(cloud), userId: managedId });
  return cloud.ok(STAFF, 'wishes', 'review', { wishId: posted.id, approve: true });
}

export const PROOF = ['/uploads/wishes/proof1.jpg'];

export async function fulfilledWish(cloud: TestCloud, member = MEMBER, poster = POSTER): Promise<WishView> {
  const wish = await openWish(cloud, poster);
  await cloud.ok(member, 'wishes', 'claim', { wishId: wish.id });
  return cloud.ok(member, 'wishes', 'fulfil', { wishId: wish.id, note: '已送到家中', photos: PROOF });
}

export const stored = {
  wishes: (cloud: TestCloud) => findAll<WishFields>(cloud.deps.db.collection(WISHES), 100000),
  claims: (cloud: TestCloud) => findAll<ClaimFields>(cloud.deps.db.collection(WISH_CLAIMS), 100000),
  guards: (cloud: TestCloud) => findAll<GuardFields>(cloud.deps.db.collection(WISH_GUARDS), 100000),
};

/**
 * The guards agree with the wishes: each member's claim guard lists exactly the wishes they hold
 * a live (not yet fulfilled) claim on, each poster guard exactly the recipient's open wishes, and
 * a wish has a claim exactly while it is claimed or fulfilled.
 */
export async function expectGuardsConsistent(cloud: TestCloud) {
  const [wishes, guards, claims] = await Promise.all([
    stored.wishes(cloud),
    stored.guards(cloud),
    stored.claims(cloud),
  ]);
  const guard = (id: string) => [...(guards.find((g) => g._id === id)?.wishIds ?? [])].sort();
  const members = new Set([
    ...claims.map((c) => c.memberId),
    ...wishes.flatMap((w) => (w.claim ? [w.claim.memberId] : [])),
  ]);
  for (const memberId of members) {
    const live = wishes
      .filter((w) => w.status === 'claimed' && w.claim?.memberId === memberId)
      .map((w) => w._id);
    expect({ memberId, wishes: guard(claimerGuardId(memberId)) }).toEqual({ memberId, wishes: live.sort() });
  }
  for (const recipientId of new Set(wishes.map((w) => w.recipientId))) {
    const open = wishes
      .filter(
        (w) =>
          w.recipientId === recipientId && ['pending', 'open', 'claimed', 'fulfilled'].includes(w.status),
      )
      .map((w) => w._id);
    expect({ recipientId, wishes: guard(posterGuardId(recipientId)) }).toEqual({
      recipientId,
      wishes: open.sort(),
    });
  }
  for (const w of wishes)
    expect({ id: w._id, claimed: w.claim !== null }).toEqual({
      id: w._id,
      claimed: ['claimed', 'fulfilled'].includes(w.status),
    });
  for (const w of wishes.filter((x) => x.claim)) {
    const live = claims.filter((c) => c.wishId === w._id && ['live', 'fulfilled'].includes(c.status));
    expect(live.map((c) => c._id)).toEqual([w.claim?.id]);
  }
}

/** The 消息 rows queued for `userId`, oldest first. */
export async function messagesOf(cloud: TestCloud, userId: string): Promise<NotificationFields[]> {
  const rows = await findAll<NotificationFields>(
    cloud.deps.db.collection(NOTIFICATIONS).where({ userId }),
    1000,
  );
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}
