/**
 * The demo community 幸福里社区: one staff member, volunteers, a verified 双报到 party
 * member, residents, and elderly neighbours staff look after. Openids are fixed so the
 * README, the dev login page and the browser tests can name them.
 */
import type { Role } from '../core/domain/roles';
import { inTransaction } from '../cloudfunctions/runtime/db';
import type { Deps } from '../cloudfunctions/runtime/context';
import {
  USERS,
  findUser,
  newUserFields,
  userIdForOpenid,
  type UserFields,
} from '../cloudfunctions/runtime/users';

export interface DemoUser {
  openid: string;
  nickname: string;
  realName: string;
  roles: Role[];
  building: string;
  unit: string;
  description: string;
  careMode?: boolean;
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
  },
  {
    openid: 'demo-volunteer-zhao',
    nickname: '赵小燕',
    realName: '赵燕',
    roles: ['resident', 'volunteer'],
    building: '2号楼',
    unit: '1单元502',
    description: '注册志愿者',
  },
  {
    openid: 'demo-party-chen',
    nickname: '陈建国',
    realName: '陈建国',
    roles: ['resident', 'volunteer', 'party_member'],
    building: '3号楼',
    unit: '1单元101',
    description: '双报到党员（已认证）、志愿者',
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

function demoFields(user: DemoUser, now: number): UserFields {
  return newUserFields(
    {
      openid: user.openid,
      nickname: user.nickname,
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

/** Writes the demo community unless it is already there. Returns whether it wrote. */
export async function seedDemoCommunity(deps: Pick<Deps, 'db' | 'clock'>): Promise<boolean> {
  const { db, clock } = deps;
  const staffId = userIdForOpenid(DEMO_USERS[0].openid);
  if (await findUser(db, staffId)) return false;
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    for (const user of DEMO_USERS) {
      await tx
        .collection(USERS)
        .doc(userIdForOpenid(user.openid))
        .set({ data: demoFields(user, now) });
    }
    for (const { id, ...resident } of MANAGED_RESIDENTS) {
      const fields = newUserFields(
        { ...resident, nickname: resident.realName, managed: true, managedBy: staffId, careMode: true },
        now,
      );
      await tx.collection(USERS).doc(id).set({ data: fields });
    }
  });
  return true;
}
