/**
 * The audit trail as staff read it (操作记录): every act staff take for or about a resident is
 * recorded by the function that does it, with an action name such as `points.adjust`. Its type
 * (what part of the community's work it belongs to) is the part before the dot, stored with the
 * entry so the trail can be filtered by it.
 */
export const AUDIT_TYPES = [
  'application',
  'resident',
  'account',
  'points',
  'mall',
  'event',
  'wish',
  'moderation',
  'votes',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const AUDIT_TYPE_LABELS: Record<AuditType, string> = {
  application: '双报到审核',
  resident: '居民与权限',
  account: '个人信息与注销',
  points: '积分',
  mall: '爱心超市',
  event: '活动',
  wish: '微心愿',
  moderation: '举报与屏蔽',
  votes: '百姓点菜',
};

/** Action prefixes that belong to a type other than their own name. */
const PREFIX_TYPES: Record<string, AuditType> = {
  role: 'resident',
  report: 'moderation',
  proposal: 'votes',
  round: 'votes',
  ballot: 'votes',
  project: 'votes',
};

/**
 * The type of an action: `points.adjust` → points, `role.grant_staff` → resident. A hiding (or
 * its undoing) is moderation whatever it hid (`wish.hide`, `proposal.hide_image`, `wish.restore`).
 */
export function auditTypeOf(action: string): AuditType {
  const [prefix, verb = ''] = action.split('.');
  if (verb === 'hide' || verb === 'hide_image' || verb === 'restore') return 'moderation';
  if ((AUDIT_TYPES as readonly string[]).includes(prefix)) return prefix as AuditType;
  return PREFIX_TYPES[prefix] ?? 'resident';
}

/** What each recorded action means, in the words of the staff who read the trail. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'application.approved': '通过双报到申请',
  'application.rejected': '驳回双报到申请',
  'role.grant_staff': '设为社区工作人员',
  'resident.create_managed': '代为登记居民',
  'account.close': '居民注销账号',
  'account.close_for': '代为注销居民账号',
  'account.export_for': '导出居民个人信息',
  'points.adjust': '调整积分',
  'points.opening': '补录历史积分',
  'mall.pickup': '兑换核销',
  'mall.goods_create': '上架新物品',
  'mall.goods_edit': '修改物品',
  'mall.shelf_on': '物品上架',
  'mall.shelf_off': '物品下架',
  'mall.restock': '调整库存',
  'mall.donor_create': '新增捐赠单位',
  'mall.donor_edit': '修改捐赠单位',
  'mall.settings': '修改取货期限',
  'event.create': '新建活动',
  'event.edit': '修改活动',
  'event.publish': '发布活动',
  'event.cancel': '取消活动',
  'event.sign_up_for': '代为报名',
  'event.adjust_hours': '修改服务时长',
  'event.leader_check_in': '代为签到',
  'event.leader_check_out': '代为签退',
  'wish.post_for': '代发布心愿',
  'wish.withdraw': '撤回心愿',
  'wish.approve': '心愿审核通过',
  'wish.reject': '驳回心愿',
  'wish.edit': '修改心愿',
  'wish.revoke_claim': '撤销认领',
  'wish.confirm_for': '代为确认收到',
  'wish.settings': '修改微心愿设置',
  'wish.hide': '屏蔽心愿',
  'wish.hide_image': '图片违规屏蔽心愿',
  'wish.restore': '复核后恢复心愿',
  'proposal.hide': '屏蔽提议',
  'proposal.hide_image': '图片违规屏蔽提议',
  'proposal.restore': '复核后恢复提议',
  'report.hidden': '举报成立并屏蔽',
  'report.kept': '举报不成立',
  'proposal.accept': '提议进入需求清单',
  'proposal.decline': '提议不予采纳',
  'proposal.merge': '合并提议',
  'votes.settings': '修改点菜设置',
  'round.open': '发起投票',
  'round.edit': '修改投票',
  'round.cancel': '取消投票',
  'round.answer_objection': '答复异议',
  'ballot.paper': '录入纸质选票',
  'project.create': '立项',
  'project.update': '修改项目',
  'project.add_milestone': '新增项目进度',
  'project.edit_milestone': '修改项目进度',
  'project.complete': '项目完成',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
