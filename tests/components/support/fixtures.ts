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
    createdAt: Date.UTC(2026, 0, 5),
    ...overrides,
  });
}
