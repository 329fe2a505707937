import { EventView } from '@core/contract/events';
import { GoodsView } from '@core/contract/mall';
import { UserView } from '@core/contract/user';
import { WishView } from '@core/contract/wishes';

/** A resident as the `user` function answers; parsed so a contract change breaks it here. */
export function residentFixture(overrides: Partial<Record<keyof UserView, unknown>> = {}): UserView {
  return UserView.parse({
    id: 'u-1001',
    nickname: '王阿姨',
    avatarUrl: '',
    realName: '',
    building: '3号楼',
    unit: '2单元301',
    phone: '',
    roles: ['resident'],
    careMode: false,
    managed: false,
    displayName: '王阿姨',
    mayLead: false,
    createdAt: Date.UTC(2026, 0, 5),
    ...overrides,
  });
}

/** A 爱心超市 item as `mall.listGoods` answers; parsed against the contract like the user above. */
export function goodsFixture(overrides: Partial<Record<keyof GoodsView, unknown>> = {}): GoodsView {
  return GoodsView.parse({
    id: 'g-2001',
    name: '大米5kg',
    photoUrl: 'https://example.com/rice.jpg',
    description: '东北大米，真空包装',
    price: 50,
    stock: 12,
    perOrderLimit: 2,
    perMonthLimit: 4,
    donorName: '惠民超市',
    donorId: 'd-301',
    pickupPlace: '社区服务中心一楼',
    pickupHours: '周一至周五 9:00-17:00',
    onShelf: true,
    ...overrides,
  });
}

/** An event as `events.get` answers: published, upcoming, open to everyone, nobody signed up. */
export function eventFixture(overrides: Partial<Record<keyof EventView, unknown>> = {}): EventView {
  const start = Date.UTC(2026, 10, 24, 2);
  return EventView.parse({
    id: 'e1',
    title: '楼道清洁',
    description: '',
    coverUrl: '',
    category: 'volunteer',
    place: '3号楼',
    startAt: start,
    endAt: start + 3_600_000,
    signupDeadline: start - 3_600_000,
    capacity: 2,
    audience: 'everyone',
    pointsPerHour: 1,
    maxPoints: 1,
    checkinMarginMinutes: 30,
    status: 'published',
    phase: 'upcoming',
    confirmedCount: 0,
    waitlistCount: 0,
    leaderIds: [],
    leaderNames: [],
    organiser: '幸福里社区居民委员会',
    cancelReason: '',
    projectId: null,
    isLeader: false,
    mayRun: false,
    mayEdit: false,
    maySignUpFor: false,
    signup: 'confirmed',
    mayCancel: false,
    mine: null,
    ...overrides,
  });
}

/** A wish as `wishes.get` answers it to a neighbour: open on the wall, contact hidden, no act allowed. */
export function wishFixture(overrides: Partial<Record<keyof WishView, unknown>> = {}): WishView {
  return WishView.parse({
    id: 'w-1',
    title: '想要一副老花镜',
    story: '眼睛花了，看不清药盒上的字。',
    category: 'goods',
    categoryLabel: '物品',
    photos: [],
    wantedBy: Date.UTC(2026, 10, 30, 16),
    dueAt: Date.UTC(2026, 11, 1, 16),
    status: 'open',
    statusLabel: '待认领',
    isOverdue: false,
    isDueSoon: false,
    recipient: '王** · 3栋',
    onBehalf: false,
    contact: null,
    contactVisible: false,
    claim: null,
    fulfilment: null,
    thanks: '',
    points: 5,
    rejectReason: '',
    hiddenReason: '',
    edited: false,
    original: null,
    isPoster: false,
    isClaimer: false,
    mayClaim: false,
    claimBlockedReason: '',
    mayRelease: false,
    mayFulfil: false,
    mayConfirm: false,
    mayRevoke: false,
    mayReview: false,
    mayApprove: false,
    mayEdit: false,
    mayWithdraw: false,
    mayReport: false,
    mayRestore: false,
    createdAt: Date.UTC(2026, 10, 20),
    publishedAt: Date.UTC(2026, 10, 21),
    closedAt: null,
    ...overrides,
  });
}
