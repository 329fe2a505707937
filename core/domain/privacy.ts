/**
 * A resident's own data (个人信息保护法): what the app keeps about them, by kind, and what closing
 * the account does to each. Closing anonymises the profile and releases what the account holds
 * (claims, orders, sign-ups, applications, open wishes), while the records a community must keep
 * complete — service records (民政部令第67号), the points ledger, ballots — stay, without a name.
 */
export const DATA_SECTIONS = [
  'profile',
  'points',
  'orders',
  'events',
  'wishes',
  'claims',
  'proposals',
  'ballots',
  'reports',
  'applications',
  'messages',
] as const;
export type DataSection = (typeof DATA_SECTIONS)[number];

export const DATA_SECTION_LABELS: Record<DataSection, string> = {
  profile: '个人资料',
  points: '积分明细',
  orders: '爱心超市兑换',
  events: '活动报名与服务记录',
  wishes: '发布的微心愿',
  claims: '认领的微心愿',
  proposals: '百姓点菜提议',
  ballots: '投票记录',
  reports: '举报记录',
  applications: '双报到申请',
  messages: '消息',
};

/** What closing the account does to each kind, as the privacy page tells the resident. */
export const AFTER_CLOSING: Record<DataSection, string> = {
  profile: '清除昵称、姓名、头像、住址和手机号',
  points: '积分明细匿名保留，保证账目完整',
  orders: '待领取的兑换取消并退回积分，兑换记录匿名保留',
  events: '未开始活动的报名取消；服务记录匿名保留（民政部令第67号要求记录完整）',
  wishes: '未完成的心愿撤回，记录匿名保留',
  claims: '进行中的认领释放给其他党员，已完成的匿名保留',
  proposals: '提议保留，不再显示您的昵称',
  ballots: '选票匿名保留，投票结果不变',
  reports: '举报记录匿名保留',
  applications: '审核中的申请撤回，记录匿名保留',
  messages: '全部删除',
};

/** Every section of the export is one table of these columns, so it reads as one file. */
export const MY_DATA_HEADER = ['类别', '时间', '内容', '详情'] as const;
