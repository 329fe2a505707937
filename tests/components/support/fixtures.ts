import { GoodsView } from '@core/contract/mall';
import { UserView } from '@core/contract/user';

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
