/**
 * The cloud behind the compiled weapp in miniprogram-simulate: the real cloud functions on the
 * stand-in database, seeded with the demo community, so every page gets the envelopes it would
 * get in production. One person, 周全, holds every role, leads an upcoming event, has signed up
 * for it and has redeemed goods: each page then has something of theirs to show.
 */
import type {
  ActionName,
  EventView,
  FunctionName,
  InputOf,
  OrderView,
  OutputOf,
  UserId,
} from '../../../core/contract';
import { ROLES } from '../../../core/domain/roles';
import { DAY_MS, HOUR_MS } from '../../../core/time';
import { USERS, newUserFields, userIdForOpenid } from '../../../cloudfunctions/runtime/users';
import { createLocalCloud, type LocalCloud } from '../../../server/local-cloud';
import { DEMO_USERS, DEMO_GOODS, seedDemoCommunity } from '../../../server/seed';

export const EVERYONE = { openid: 'sim-everyone', nickname: '周全', realName: '周全' };
const STAFF = DEMO_USERS.find((user) => user.roles.includes('staff'))!.openid;

export interface Community {
  cloud: LocalCloud;
  userId: UserId;
  event: EventView;
  goods: (typeof DEMO_GOODS)[number];
  order: OrderView;
  /** Serve one wx.cloud.callFunction as 周全 (WeChat attaches the caller's OPENID). */
  answer(name: string, data: unknown): Promise<unknown>;
}

export async function startCommunity(): Promise<Community> {
  const cloud = createLocalCloud({ file: ':memory:' });
  const { db, clock } = cloud.deps;
  await seedDemoCommunity(cloud.deps);
  const userId = userIdForOpenid(EVERYONE.openid) as UserId;
  await db
    .collection(USERS)
    .doc(userId)
    .set({
      data: newUserFields(
        {
          ...EVERYONE,
          roles: [...ROLES],
          building: '5号楼',
          unit: '1单元502',
          volunteerAgreedAt: clock.now(),
        },
        clock.now(),
      ),
    });

  const as = async <F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    input: InputOf<F, A>,
  ): Promise<OutputOf<F, A>> => {
    const res = await cloud.invoke(fn, { action, input }, openid);
    if (!res.ok) throw new Error(`${fn}.${action} failed: ${res.code} ${res.message}`);
    return res.data as OutputOf<F, A>;
  };
  const startAt = clock.now() + 2 * DAY_MS;
  const draft = await as(STAFF, 'events', 'save', {
    title: '重阳节敬老服务',
    description: '陪社区老人聊天、包饺子。',
    category: 'volunteer',
    place: '社区服务中心',
    startAt,
    endAt: startAt + 3 * HOUR_MS,
    signupDeadline: startAt - HOUR_MS,
    capacity: 10,
    audience: 'everyone',
    leaderIds: [userId],
  });
  await as(STAFF, 'events', 'publish', { eventId: draft.id });
  await as(EVERYONE.openid, 'events', 'signUp', { eventId: draft.id });
  const event = await as(EVERYONE.openid, 'events', 'get', { eventId: draft.id });

  const goods = DEMO_GOODS[0];
  await as(STAFF, 'points', 'adjust', {
    userId,
    amount: 100,
    reason: '志愿服务补录',
    requestId: 'sim-adjust-0001',
  });
  const order = await as(EVERYONE.openid, 'mall', 'redeem', {
    goodsId: goods.id,
    quantity: 1,
    requestId: 'sim-redeem-0001',
  });

  return {
    cloud,
    userId,
    event,
    goods,
    order,
    answer: (name, data) => cloud.invoke(name, data, EVERYONE.openid),
  };
}
