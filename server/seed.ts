/**
 * The demo community 幸福里社区: one staff member, volunteers, a verified 双报到 party
 * member, residents, and elderly neighbours staff look after. Openids are fixed so the
 * README, the dev login page and the browser tests can name them.
 */
import type { Role } from '../core/domain/roles';
import { inTransaction, type Transaction } from '../cloudfunctions/runtime/db';
import { ledgerKey } from '../core/domain/points';
import { postOnce } from '../cloudfunctions/points/ledger';
import { DONORS, GOODS, STOCK_CHANGES, type GoodsFields } from '../cloudfunctions/mall/store';
import type { Deps } from '../cloudfunctions/runtime/context';
import { APPLICATIONS, type ApplicationFields } from '../cloudfunctions/user/applications';
import {
  WISH_CLAIMS,
  WISH_GUARDS,
  claimerGuardId,
  newWishDoc,
  posterGuardId,
  saveWish,
  type ClaimFields,
  type GuardFields,
  type LiveClaim,
  type WishContact,
  type WishDoc,
} from '../cloudfunctions/wishes/store';
import { DEFAULT_WISH_POINTS, type WishCategory } from '../core/domain/wishes';
import {
  DEFAULT_CHECKIN_MARGIN_MS,
  defaultMaxPoints,
  type Audience,
  type EventCategory,
} from '../core/domain/events';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfDay } from '../core/time';
import { EVENTS, type EventFields } from '../cloudfunctions/events/store';
import { newSecret } from '../cloudfunctions/runtime/config';
import { displayName } from '../core/domain/users';
import {
  USERS,
  findUser,
  newUserFields,
  userIdForOpenid,
  type UserFields,
} from '../cloudfunctions/runtime/users';
import { seedDemoVoting } from './seed-votes';
import { demoPicture } from './seed-pictures';

export { seedDemoVoting };

export interface DemoUser {
  openid: string;
  nickname: string;
  realName: string;
  roles: Role[];
  building: string;
  unit: string;
  description: string;
  careMode?: boolean;
  /** A picture in server/seed-pictures/ (avatars-<name>.jpg). */
  avatar?: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    openid: 'demo-staff-wang',
    nickname: '王主任',
    realName: '王芳',
    roles: ['resident', 'staff'],
    building: '社区服务中心',
    unit: '',
    description: '社区工作人员',
  },
  {
    openid: 'demo-volunteer-li',
    nickname: '李志愿',
    realName: '李强',
    roles: ['resident', 'volunteer'],
    building: '1号楼',
    unit: '2单元301',
    description: '注册志愿者',
    avatar: 'li',
  },
  {
    openid: 'demo-volunteer-zhao',
    nickname: '赵小燕',
    realName: '赵燕',
    roles: ['resident', 'volunteer', 'party_member'],
    building: '2号楼',
    unit: '1单元502',
    description: '双报到党员（已认证）、志愿者',
    avatar: 'zhao',
  },
  {
    openid: 'demo-party-chen',
    nickname: '陈建国',
    realName: '陈建国',
    roles: ['resident', 'volunteer', 'party_member'],
    building: '3号楼',
    unit: '1单元101',
    description: '双报到党员（已认证）、志愿者',
    avatar: 'chen',
  },
  {
    openid: 'demo-resident-zhou',
    nickname: '周邻居',
    realName: '',
    roles: ['resident'],
    building: '1号楼',
    unit: '1单元202',
    description: '普通居民（可申请双报到）',
  },
  {
    openid: 'demo-resident-sun',
    nickname: '孙阿姨',
    realName: '',
    roles: ['resident'],
    building: '2号楼',
    unit: '3单元601',
    description: '普通居民',
  },
  {
    openid: 'demo-elder-wu',
    nickname: '吴奶奶',
    realName: '吴秀兰',
    roles: ['resident'],
    building: '3号楼',
    unit: '2单元102',
    description: '高龄居民（已开启关怀模式）',
    careMode: true,
  },
];

/** Elderly neighbours without a smartphone, registered by staff. */
export const MANAGED_RESIDENTS = [
  { id: 'm-demo-zhang', realName: '张桂英', building: '1号楼', unit: '1单元101', note: '独居，行动不便' },
  { id: 'm-demo-liu', realName: '刘德福', building: '2号楼', unit: '2单元102', note: '听力较弱，请当面沟通' },
];

export const DEMO_DONORS = [
  { id: 'd-demo-market', name: '幸福里生鲜超市', kind: 'merchant' as const, contact: '李老板 138****1234' },
  { id: 'd-demo-barber', name: '阿强理发店', kind: 'merchant' as const, contact: '阿强' },
  { id: 'd-demo-tax', name: '区税务局第一党支部', kind: 'partner' as const, contact: '共建联络员 张干事' },
];

const PICKUP = { pickupPlace: '社区服务中心一楼爱心超市', pickupHours: '工作日 9:00-17:00' };

export const DEMO_GOODS: (Pick<
  GoodsFields,
  'name' | 'description' | 'price' | 'stock' | 'perOrderLimit' | 'perMonthLimit'
> & {
  id: string;
  donorId: string;
  /** Its photo in server/seed-pictures/ (goods-<name>.jpg). */
  picture: string;
})[] = [
  {
    id: 'g-demo-eggs',
    picture: 'eggs',
    name: '鸡蛋一盒',
    description: '10枚装土鸡蛋',
    price: 15,
    stock: 30,
    perOrderLimit: 2,
    perMonthLimit: 4,
    donorId: 'd-demo-market',
  },
  {
    id: 'g-demo-haircut',
    picture: 'haircut',
    name: '理发券',
    description: '阿强理发店单次理发',
    price: 20,
    stock: 15,
    perOrderLimit: 1,
    perMonthLimit: 1,
    donorId: 'd-demo-barber',
  },
  {
    id: 'g-demo-detergent',
    picture: 'detergent',
    name: '洗衣液',
    description: '2kg装',
    price: 30,
    stock: 10,
    perOrderLimit: 1,
    perMonthLimit: 2,
    donorId: 'd-demo-market',
  },
  {
    id: 'g-demo-rice',
    picture: 'rice',
    name: '大米5kg',
    description: '东北大米',
    price: 50,
    stock: 20,
    perOrderLimit: 1,
    perMonthLimit: 2,
    donorId: 'd-demo-tax',
  },
];

/** Opening balances, as communities move their paper ledgers into the app. */
export const DEMO_BALANCES: Record<string, number> = {
  'demo-volunteer-li': 120,
  'demo-volunteer-zhao': 80,
  'demo-party-chen': 60,
};

async function seedMall(tx: Transaction, staffId: string, now: number, uploadsDir: string | undefined) {
  for (const { id, ...donor } of DEMO_DONORS) {
    await tx
      .collection(DONORS)
      .doc(id)
      .set({ data: { ...donor, createdAt: now } });
  }
  for (const { id, donorId, picture, ...goods } of DEMO_GOODS) {
    const donorName = DEMO_DONORS.find((d) => d.id === donorId)?.name ?? '';
    const fields: GoodsFields = {
      ...goods,
      ...PICKUP,
      donorId,
      donorName,
      photoUrl: demoPicture(uploadsDir, 'goods', picture),
      onShelf: true,
      createdAt: now,
      updatedAt: now,
    };
    await tx.collection(GOODS).doc(id).set({ data: fields });
    await tx.collection(STOCK_CHANGES).add({
      data: {
        goodsId: id,
        delta: goods.stock,
        stockAfter: goods.stock,
        kind: 'create',
        reason: `${donorName}捐赠`,
        orderId: null,
        operatorId: staffId,
        createdAt: now,
      },
    });
  }
  for (const [openid, amount] of Object.entries(DEMO_BALANCES)) {
    const userId = userIdForOpenid(openid);
    await postOnce(
      tx,
      {
        key: ledgerKey.opening(userId),
        userId,
        amount,
        kind: 'opening',
        reason: '历史志愿服务积分（纸质台账补录）',
        sourceType: 'manual',
        sourceId: 'seed',
        operatorId: staffId,
      },
      now,
    );
  }
}

/** The approved 双报到 applications: each member's party organisation appears on their record. */
export const DEMO_PARTY_APPLICATIONS: (ApplicationFields & { id: string })[] = [
  {
    id: 'a-demo-chen',
    userId: userIdForOpenid('demo-party-chen'),
    applicantName: '陈建国',
    kind: 'party_member',
    partyOrg: '区税务局第一党支部',
    workplace: '区税务局',
    status: 'approved',
    reason: '',
    decidedBy: null,
    createdAt: 0,
    decidedAt: 0,
  },
  {
    id: 'a-demo-zhao',
    userId: userIdForOpenid('demo-volunteer-zhao'),
    applicantName: '赵燕',
    kind: 'party_member',
    partyOrg: '市第二人民医院护理党支部',
    workplace: '市第二人民医院',
    status: 'approved',
    reason: '',
    decidedBy: null,
    createdAt: 0,
    decidedAt: 0,
  },
];

type DemoStage = 'pending' | 'open' | 'claimed' | 'closed';

interface DemoWish {
  id: string;
  title: string;
  story: string;
  category: WishCategory;
  /** Wanted by this many days from the seed. */
  days: number;
  /** Approved this many days before the seed (the wall's newest-first order). */
  publishedDaysAgo: number;
  recipient: string;
  contact: WishContact;
  posterOpenid: string;
  stage: DemoStage;
  /** Claimed and closed wishes: the party member who took it, and what they did. */
  member?: string;
  fulfilment?: string;
  thanks?: string;
}

const STAFF_OPENID = 'demo-staff-wang';

/**
 * Demo 微心愿 at each step, so the wall has something under every filter: two staff posted for
 * 张桂英 and 刘德福 (open, for 陈建国 to claim — 赵小燕, a second member, then sees no contact),
 * 孙阿姨's own waits for review, 吴奶奶's is claimed by 赵小燕, and one 赵小燕 fulfilled for
 * 刘德福 is done (her 5 points and her 双报到 record show it).
 */
export const DEMO_WISHES: DemoWish[] = [
  {
    id: 'w-demo-lamp',
    title: '家里的台灯坏了，想请人帮忙修一修',
    story: '晚上看报纸全靠这盏台灯，开关按下去没反应了。',
    category: 'service',
    days: 10,
    publishedDaysAgo: 0,
    recipient: 'm-demo-zhang',
    contact: { name: '张桂英', building: '1号楼', unit: '1单元101', phone: '' },
    posterOpenid: STAFF_OPENID,
    stage: 'open',
  },
  {
    id: 'w-demo-video',
    title: '想学用手机和孙子视频通话',
    story: '孙子在外地读书，想每周和他视频，可是不会用。',
    category: 'company',
    days: 14,
    publishedDaysAgo: 0,
    recipient: userIdForOpenid('demo-resident-sun'),
    contact: { name: '孙玉兰', building: '2号楼', unit: '3单元601', phone: '13800001234' },
    posterOpenid: 'demo-resident-sun',
    stage: 'pending',
  },
  {
    id: 'w-demo-shoes',
    title: '冬天想要一双保暖棉鞋（42码）',
    story: '老棉鞋穿了好几年，鞋底磨平了，下雪天容易滑。',
    category: 'goods',
    days: 20,
    publishedDaysAgo: 1,
    recipient: 'm-demo-liu',
    contact: { name: '刘德福', building: '2号楼', unit: '2单元102', phone: '' },
    posterOpenid: STAFF_OPENID,
    stage: 'open',
  },
  {
    id: 'w-demo-checkup',
    title: '想请人陪我去社区医院量血压、拿药',
    story: '每个月要去一次，路上有个大坡，一个人走有点怕。',
    category: 'company',
    days: 5,
    publishedDaysAgo: 3,
    recipient: userIdForOpenid('demo-elder-wu'),
    contact: { name: '吴秀兰', building: '3号楼', unit: '2单元102', phone: '13900005678' },
    posterOpenid: 'demo-elder-wu',
    stage: 'claimed',
    member: 'demo-volunteer-zhao',
  },
  {
    id: 'w-demo-radio',
    title: '收音机没声音了，想请人帮忙看看',
    story: '每天早上听戏，收音机突然没声了。',
    category: 'service',
    days: 3,
    publishedDaysAgo: 2,
    recipient: 'm-demo-liu',
    contact: { name: '刘德福', building: '2号楼', unit: '2单元102', phone: '' },
    posterOpenid: STAFF_OPENID,
    stage: 'closed',
    member: 'demo-volunteer-zhao',
    fulfilment: '换了新电池，清理了旋钮，又能听了',
    thanks: '谢谢小赵，又能听戏了！',
  },
];

/** One demo wish, written at its stage with its claim, the claimer's guard entry and its points. */
async function seedWish(tx: Transaction, demo: DemoWish, now: number, liveClaims: Map<string, string[]>) {
  const postedBy = userIdForOpenid(demo.posterOpenid);
  const publishedAt = now - demo.publishedDaysAgo * DAY_MS;
  const pending: WishDoc = newWishDoc(
    {
      id: demo.id,
      title: demo.title,
      story: demo.story,
      category: demo.category,
      photos: [],
      wantedBy: now + demo.days * DAY_MS,
      recipient: { _id: demo.recipient, managed: demo.recipient.startsWith('m-') },
      contact: demo.contact,
      postedBy,
      fingerprint: 'seed',
    },
    publishedAt,
  );
  const approved: WishDoc = {
    ...pending,
    status: 'open',
    publishedAt,
    reviewedBy: userIdForOpenid(STAFF_OPENID),
    reviewedAt: publishedAt,
  };
  if (!demo.member) {
    await saveWish(tx, demo.stage === 'pending' ? pending : approved);
    return;
  }
  const memberId = userIdForOpenid(demo.member);
  const member = DEMO_USERS.find((u) => u.openid === demo.member);
  const claim: LiveClaim = {
    id: `c-${demo.id}`,
    memberId,
    memberName: member?.nickname ?? '',
    claimedAt: publishedAt + DAY_MS / 2,
  };
  const closed = demo.stage === 'closed';
  const closedAt = claim.claimedAt + DAY_MS;
  const record: ClaimFields = {
    wishId: demo.id,
    wishTitle: demo.title,
    memberId,
    memberName: claim.memberName,
    status: closed ? 'closed' : 'live',
    reason: '',
    claimedAt: claim.claimedAt,
    fulfilledAt: closed ? closedAt : null,
    endedAt: closed ? closedAt : null,
    endedBy: closed ? postedBy : null,
  };
  await tx.collection(WISH_CLAIMS).doc(claim.id).set({ data: record });
  if (!closed) {
    liveClaims.set(memberId, [...(liveClaims.get(memberId) ?? []), demo.id]);
    await saveWish(tx, { ...approved, status: 'claimed', claim });
    return;
  }
  await postOnce(
    tx,
    {
      key: ledgerKey.wish(demo.id),
      userId: memberId,
      amount: DEFAULT_WISH_POINTS,
      kind: 'wish',
      reason: demo.title,
      sourceType: 'wish',
      sourceId: demo.id,
      operatorId: null,
    },
    closedAt,
  );
  await saveWish(tx, {
    ...approved,
    status: 'closed',
    servedBy: claim,
    fulfilment: { note: demo.fulfilment ?? '', photos: [], at: closedAt },
    thanks: demo.thanks ?? '',
    confirmedBy: postedBy,
    points: DEFAULT_WISH_POINTS,
    closedAt,
  });
}

/** Writes the members' applications, the demo wishes and their guards, inside the seed's transaction. */
export async function seedWishes(tx: Transaction, now: number): Promise<void> {
  for (const { id, ...application } of DEMO_PARTY_APPLICATIONS) {
    await tx
      .collection(APPLICATIONS)
      .doc(id)
      .set({ data: { ...application, createdAt: now, decidedAt: now } });
  }
  const openWishes = new Map<string, string[]>();
  const liveClaims = new Map<string, string[]>();
  for (const demo of DEMO_WISHES) {
    await seedWish(tx, demo, now, liveClaims);
    if (demo.stage !== 'closed')
      openWishes.set(demo.recipient, [...(openWishes.get(demo.recipient) ?? []), demo.id]);
  }
  const guards: [string, string, string[]][] = [
    ...[...openWishes].map(([userId, ids]): [string, string, string[]] => [
      posterGuardId(userId),
      userId,
      ids,
    ]),
    ...[...liveClaims].map(([userId, ids]): [string, string, string[]] => [
      claimerGuardId(userId),
      userId,
      ids,
    ]),
  ];
  for (const [guardId, userId, wishIds] of guards) {
    const guard: GuardFields = { userId, wishIds, updatedAt: now };
    await tx.collection(WISH_GUARDS).doc(guardId).set({ data: guard });
  }
}

function demoFields(user: DemoUser, now: number, uploadsDir: string | undefined): UserFields {
  return newUserFields(
    {
      openid: user.openid,
      nickname: user.nickname,
      avatarUrl: user.avatar ? demoPicture(uploadsDir, 'avatars', user.avatar) : '',
      realName: user.realName,
      roles: user.roles,
      building: user.building,
      unit: user.unit,
      careMode: user.careMode ?? false,
      volunteerAgreedAt: user.roles.includes('volunteer') ? now : null,
    },
    now,
  );
}

interface DemoEvent {
  id: string;
  title: string;
  description: string;
  category: EventCategory;
  place: string;
  /** Starts this many days after the seed's day, at `hour` (community time), for `minutes`. */
  days: number;
  hour: number;
  minutes: number;
  capacity: number;
  audience: Audience;
  leaders: string[];
  /** Its cover in server/seed-pictures/ (events-<name>.jpg). */
  cover: string;
}

/** Events to come, so the home page and the 活动 tab have something to join (no one signed up yet). */
export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: 'e-demo-stairs',
    title: '周末楼道清扫志愿服务',
    description: '清扫1至3号楼楼道，清理小广告和堆放杂物。工具由社区提供，请穿方便活动的衣服。',
    category: 'volunteer',
    place: '1号楼楼下集合',
    days: 3,
    hour: 9,
    minutes: 150,
    capacity: 12,
    audience: 'volunteers',
    leaders: ['demo-volunteer-zhao'],
    cover: 'stairs',
  },
  {
    id: 'e-demo-dumplings',
    title: '重阳敬老包饺子',
    description: '和社区的老人们一起包饺子、聊家常，欢迎带上家里的孩子。',
    category: 'community',
    place: '社区服务中心二楼活动室',
    days: 6,
    hour: 14,
    minutes: 150,
    capacity: 30,
    audience: 'everyone',
    leaders: [],
    cover: 'dumplings',
  },
  {
    id: 'e-demo-sorting',
    title: '垃圾分类宣传志愿服务',
    description: '在小区南门发放垃圾分类指南，指导居民分类投放。',
    category: 'volunteer',
    place: '小区南门广场',
    days: 10,
    hour: 9,
    minutes: 120,
    capacity: 10,
    audience: 'volunteers',
    leaders: ['demo-party-chen'],
    cover: 'sorting',
  },
];

async function seedEvents(tx: Transaction, staffId: string, now: number, uploadsDir: string | undefined) {
  for (const demo of DEMO_EVENTS) {
    const startAt = startOfDay(now) + demo.days * DAY_MS + demo.hour * HOUR_MS;
    const endAt = startAt + demo.minutes * MINUTE_MS;
    const leaders = demo.leaders.map((openid) => DEMO_USERS.find((u) => u.openid === openid));
    const event: EventFields = {
      title: demo.title,
      description: demo.description,
      coverUrl: demoPicture(uploadsDir, 'events', demo.cover),
      category: demo.category,
      place: demo.place,
      startAt,
      endAt,
      signupDeadline: startAt - 2 * HOUR_MS,
      capacity: demo.capacity,
      audience: demo.audience,
      pointsPerHour: 1,
      maxPoints: defaultMaxPoints(startAt, endAt, 1),
      checkinMarginMs: DEFAULT_CHECKIN_MARGIN_MS,
      leaderIds: demo.leaders.map((openid) => userIdForOpenid(openid)),
      leaderNames: leaders.map((u) => (u ? displayName({ nickname: u.nickname, realName: u.realName }) : '')),
      status: 'published',
      confirmedCount: 0,
      waitlist: [],
      secret: newSecret(),
      cancelReason: '',
      projectId: null,
      releasingSignups: false,
      createdBy: staffId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.collection(EVENTS).doc(demo.id).set({ data: event });
  }
}

export interface SeedOptions {
  /** The local uploads folder: the demo's pictures are copied there and referenced. */
  uploadsDir?: string;
}

/** Writes the demo community unless it is already there. Returns whether it wrote. */
export async function seedDemoCommunity(
  deps: Pick<Deps, 'db' | 'clock'>,
  { uploadsDir }: SeedOptions = {},
): Promise<boolean> {
  const { db, clock } = deps;
  const staffId = userIdForOpenid(DEMO_USERS[0].openid);
  if (await findUser(db, staffId)) return false;
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    for (const user of DEMO_USERS) {
      await tx
        .collection(USERS)
        .doc(userIdForOpenid(user.openid))
        .set({ data: demoFields(user, now, uploadsDir) });
    }
    for (const { id, ...resident } of MANAGED_RESIDENTS) {
      const fields = newUserFields(
        {
          ...resident,
          nickname: resident.realName,
          managed: true,
          managedBy: staffId,
          careMode: true,
          hideFromRankings: true,
        },
        now,
      );
      await tx.collection(USERS).doc(id).set({ data: fields });
    }
    await seedMall(tx, staffId, now, uploadsDir);
    await seedEvents(tx, staffId, now, uploadsDir);
    await seedWishes(tx, now);
  });
  await seedDemoVoting(db, staffId, now);
  return true;
}
