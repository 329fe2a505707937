/**
 * Generated from the contract: every `wishes` (and `moderation`) action, called by every kind of
 * caller on a community with wishes at every step. A recipient's contact details — full name,
 * phone, address — appear in a reply only for the member holding the wish's live claim and for
 * staff; and every wish in a reply says so (`contact`, `contactVisible`). An action added to the
 * contract without a scenario here fails the first test.
 */
import type { z } from 'zod';
import { contract, WishView, type UserId } from '../../core/contract';
import type { Role } from '../../core/domain/roles';
import { LIVE_CLAIM_STATUSES } from '../../core/domain/wishes';
import { DAY_MS } from '../../core/time';
import { userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { startTestCloud, type TestCloud } from '../support/test-cloud';
import { MEMBER, NEIGHBOUR, POSTER, PROOF, STAFF, community, stored, wishInput } from '../support/wishes';

/** Whether `schema` contains `target` anywhere (objects, arrays, nullables, unions). */
function mentions(schema: z.ZodType, target: z.ZodType, seen = new Set<unknown>()): boolean {
  if (schema === target) return true;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'object':
      return Object.values(def.shape as Record<string, z.ZodType>).some((s) => mentions(s, target, seen));
    case 'array':
      return mentions(inner('element'), target, seen);
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return mentions(inner('innerType'), target, seen);
    case 'union':
      return (def.options as z.ZodType[]).some((s) => mentions(s, target, seen));
    case 'pipe':
      return mentions(inner('in'), target, seen) || mentions(inner('out'), target, seen);
    default:
      return false;
  }
}

const FORMER = 'wx-former-claimer';
const MEMBER2 = 'wx-member2';
const VOLUNTEER = 'wx-volunteer';
const POSTER2 = 'wx-poster2';

/** Every kind of caller (the fixture community registers the first four): openid and roles. */
const CALLERS: Record<string, { openid: string; roles: Role[] }> = {
  poster: { openid: POSTER, roles: ['resident'] },
  claimer: { openid: MEMBER, roles: ['resident', 'party_member'] },
  neighbour: { openid: NEIGHBOUR, roles: ['resident'] },
  staff: { openid: STAFF, roles: ['resident', 'staff'] },
  /** A member whose claim of the claimed wish was released. */
  former: { openid: FORMER, roles: ['resident', 'party_member'] },
  member: { openid: MEMBER2, roles: ['resident', 'party_member'] },
  volunteer: { openid: VOLUNTEER, roles: ['resident', 'volunteer'] },
};

let contactSerial = 0;
const SURNAMES = '王李赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
/** A contact no other wish has, so its appearance in a reply pins the wish it belongs to. */
function uniqueContact() {
  contactSerial += 1;
  const surname = SURNAMES[contactSerial % SURNAMES.length];
  return {
    name: `${surname}秀${'甲乙丙丁戊己庚辛壬癸'[contactSerial % 10]}${contactSerial}`,
    building: `${(contactSerial % 9) + 1}号楼`,
    unit: `${contactSerial}单元${500 + contactSerial}`,
    phone: `139${String(10000000 + contactSerial).slice(-8)}`,
    phoneConsent: true,
  };
}

interface World {
  /** Claimed (live) by MEMBER after FORMER claimed and released it. */
  claimed: string;
  open: string;
  pending: string;
  closed: string;
  /** Posted by staff for a managed resident, open. */
  forManaged: string;
  /** Fulfilled by MEMBER, awaiting POSTER's confirmation. */
  fulfilled: string;
  managedId: UserId;
  reportId: string;
}

async function buildWorld(cloud: TestCloud): Promise<World> {
  const { managedId } = await community(cloud);
  for (const name of ['former', 'member', 'volunteer'] as const) {
    await cloud.addUser(CALLERS[name].openid, CALLERS[name].roles, name);
  }
  await cloud.addUser(POSTER2, [], '居民二');
  const post = async (openid: string) =>
    (await cloud.ok(openid, 'wishes', 'post', wishInput(cloud, { contact: uniqueContact() }))).id;
  const approve = (wishId: string) => cloud.ok(STAFF, 'wishes', 'review', { wishId, approve: true });
  const fulfil = (wishId: string) =>
    cloud.ok(MEMBER, 'wishes', 'fulfil', { wishId, note: '完成了', photos: PROOF });

  const claimed = await post(POSTER);
  await approve(claimed);
  await cloud.ok(FORMER, 'wishes', 'claim', { wishId: claimed });
  await cloud.ok(FORMER, 'wishes', 'release', { wishId: claimed, reason: '临时有事' });
  await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: claimed });
  const open = await post(POSTER);
  await approve(open);
  const closed = await post(POSTER2);
  await approve(closed);
  await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: closed });
  await fulfil(closed);
  await cloud.ok(POSTER2, 'wishes', 'confirm', { wishId: closed, thanks: '谢谢' });
  const pending = await post(POSTER2);
  const forManaged = (
    await cloud.ok(STAFF, 'wishes', 'postFor', {
      ...wishInput(cloud, { contact: uniqueContact() }),
      userId: managedId,
    })
  ).id;
  await approve(forManaged);
  const fulfilled = await post(POSTER);
  await approve(fulfilled);
  await cloud.ok(MEMBER, 'wishes', 'claim', { wishId: fulfilled });
  await fulfil(fulfilled);
  const report = await cloud.ok(NEIGHBOUR, 'moderation', 'report', {
    kind: 'wish',
    id: open,
    category: 'false_info',
    text: '情况不实',
  });
  return { claimed, open, pending, closed, forManaged, fulfilled, managedId, reportId: report.id };
}

type Scenario = (world: World, cloud: TestCloud) => object[];
const reason = '测试原因';
const every = (w: World) => [w.claimed, w.open, w.pending, w.closed, w.forManaged, w.fulfilled];

/** The inputs each action is tried with. */
const SCENARIOS: Record<string, Record<string, Scenario>> = {
  wishes: {
    wall: () => [{}, { status: 'claimed' }, { order: 'dueSoon' }],
    get: (w) => every(w).map((wishId) => ({ wishId })),
    mine: () => [{}],
    claimed: () => [{}],
    post: (_w, cloud) => [wishInput(cloud, { contact: uniqueContact() })],
    postFor: (w, cloud) => [{ ...wishInput(cloud, { contact: uniqueContact() }), userId: w.managedId }],
    withdraw: (w) => [{ wishId: w.open }, { wishId: w.forManaged }],
    review: (w) => [{ wishId: w.pending, approve: true }],
    edit: (w) => [
      { wishId: w.open, title: '改过的心愿', note: reason },
      { wishId: w.forManaged, contact: uniqueContact(), note: reason },
    ],
    claim: (w) => [{ wishId: w.open }, { wishId: w.forManaged }],
    release: (w) => [{ wishId: w.claimed, reason }],
    revoke: (w) => [
      { wishId: w.claimed, reason },
      { wishId: w.fulfilled, reason },
    ],
    fulfil: (w) => [{ wishId: w.claimed, note: reason, photos: PROOF }],
    confirm: (w) => [{ wishId: w.fulfilled, thanks: '谢谢' }],
    staffList: () =>
      ['pending', 'open', 'claimed', 'overdue', 'done', 'hidden', 'rejected'].map((bucket) => ({ bucket })),
    board: () => [{}],
    settings: () => [{}],
    saveSettings: () => [{ claimLimit: 3, points: 5 }],
    myRecord: () => [{}],
    record: () => [{ year: 2026 }, { year: 2026, memberId: userIdForOpenid(MEMBER) }],
    exportRecord: () => [{ year: 2026 }, { year: 2026, memberId: userIdForOpenid(MEMBER) }],
  },
  moderation: {
    report: (w) => [{ kind: 'wish', id: w.claimed, category: 'privacy', text: '泄露了隐私' }],
    myReport: (w) => [{ kind: 'wish', id: w.open }],
    listReports: () => [{}, { status: 'decided' }],
    decide: (w) => [{ reportId: w.reportId, decision: 'hide', note: '核实属实' }],
    hideItem: (w) => [{ kind: 'wish', id: w.claimed, reason }],
    restoreItem: (w) => [{ kind: 'wish', id: w.claimed, note: '复核无问题' }],
    imageChecks: (w) => [{ kind: 'wish', id: w.claimed }],
  },
};

const wishActions = Object.entries(contract.wishes)
  .filter(([, spec]) => mentions(spec.output, WishView))
  .map(([action]) => action);

test('the contract is covered: every action has a scenario, and the wish-returning ones are known', () => {
  for (const fn of ['wishes', 'moderation'] as const) {
    expect(Object.keys(SCENARIOS[fn]).sort()).toEqual(Object.keys(contract[fn]).sort());
  }
  // A sanity check of the walker: these certainly return wishes, these certainly do not.
  expect(wishActions).toEqual(
    expect.arrayContaining(['wall', 'get', 'mine', 'claimed', 'claim', 'confirm', 'staffList']),
  );
  expect(wishActions).not.toContain('board');
  expect(wishActions).not.toContain('exportRecord');
});

/** Every wish-shaped object in a reply. */
function wishesIn(value: unknown): { id: string; contact: unknown; contactVisible: boolean }[] {
  if (Array.isArray(value)) return value.flatMap(wishesIn);
  if (typeof value !== 'object' || value === null) return [];
  const own =
    'contactVisible' in value && 'id' in value
      ? [value as { id: string; contact: unknown; contactVisible: boolean }]
      : [];
  return [...own, ...Object.values(value).flatMap(wishesIn)];
}

const cases = Object.entries(SCENARIOS).flatMap(([fn, actions]) =>
  Object.keys(actions).flatMap((action) =>
    Object.entries(CALLERS).map(([caller, { openid, roles }]) => ({ fn, action, caller, openid, roles })),
  ),
);

test.each(cases)(
  '$fn:$action as $caller: contact only for the live claimer and staff',
  async ({ fn, action, caller, openid, roles }) => {
    const cloud = startTestCloud();
    try {
      const world = await buildWorld(cloud);
      cloud.clock.advance(DAY_MS / 2);
      const callerId = userIdForOpenid(openid);
      let answered = 0;
      for (const input of SCENARIOS[fn][action](world, cloud)) {
        const reply = await cloud.invoke(fn, { action, input }, openid);
        const text = JSON.stringify(reply);
        for (const wish of await stored.wishes(cloud)) {
          const allowed =
            caller === 'staff' ||
            (wish.claim?.memberId === callerId && LIVE_CLAIM_STATUSES.includes(wish.status));
          const secrets = [wish.contact.name, wish.contact.phone, wish.contact.unit].filter(Boolean);
          if (!allowed)
            for (const secret of secrets)
              expect({ wish: wish._id, leaked: text.includes(secret) }).toEqual({
                wish: wish._id,
                leaked: false,
              });
          for (const shown of wishesIn(reply.ok ? reply.data : null).filter((v) => v.id === wish._id)) {
            expect({
              wish: wish._id,
              visible: shown.contactVisible,
              present: shown.contact !== null,
            }).toEqual({
              wish: wish._id,
              visible: allowed,
              present: allowed,
            });
          }
        }
        if (reply.ok) answered += 1;
      }
      // Who may call the action at all got an answer for at least one input (the check ran on data).
      const spec = (contract as unknown as Record<string, Record<string, { roles: readonly string[] }>>)[fn][
        action
      ];
      if (
        fn === 'wishes' &&
        wishActions.includes(action) &&
        spec.roles.some((r) => roles.includes(r as Role))
      ) {
        expect({
          action,
          caller,
          answered: answered > 0 || EXPECTED_REFUSALS.has(`${action}/${caller}`),
        }).toEqual({ action, caller, answered: true });
      }
    } finally {
      cloud.close();
    }
  },
  30_000,
);

/** Callers who may call the action but whom the rules refuse on every input of its scenario. */
const EXPECTED_REFUSALS = new Set([
  // The poster already has three open wishes in this community.
  'post/poster',
  'withdraw/claimer',
  'withdraw/former',
  'withdraw/member',
  'withdraw/neighbour',
  'withdraw/volunteer',
  'release/former',
  'release/member',
  'fulfil/former',
  'fulfil/member',
  'confirm/claimer',
  'confirm/former',
  'confirm/member',
  'confirm/neighbour',
  'confirm/volunteer',
  'confirm/staff',
]);
