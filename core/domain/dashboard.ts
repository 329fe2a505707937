/**
 * The community's overview (数据看板) and the staff workbench's counts of what waits. The figures
 * are aggregations over the stored rows (see docs/architecture.md, "The dashboard"), each one
 * named here once with the words the monthly report to the 街道 or 民政 uses.
 */

/** The dashboard shows this month and the eleven before it. */
export const DASHBOARD_MONTHS = 12;

/** An item on the shelf with this much stock or less is running low. */
export const LOW_STOCK_AT = 5;

/** Monthly figures, each a bar chart on the dashboard. */
export const SERIES = [
  'activeVolunteers',
  'serviceMinutes',
  'eventsHeld',
  'attendance',
  'pointsIssued',
  'pointsRedeemed',
  'pointsOutstanding',
  'wishesPosted',
  'wishesClaimed',
  'wishesFulfilled',
  'proposals',
  'ballots',
  'projectsCompleted',
] as const;
export type SeriesKey = (typeof SERIES)[number];

export const SERIES_LABELS: Record<SeriesKey, { label: string; unit: string; note: string }> = {
  activeVolunteers: { label: '参与服务的志愿者', unit: '人', note: '当月有确认服务时长的居民（去重）' },
  serviceMinutes: { label: '志愿服务时长', unit: '小时', note: '按活动开始月份统计的确认时长' },
  eventsHeld: { label: '举办活动', unit: '场', note: '当月已开始、未取消的活动' },
  attendance: { label: '活动签到', unit: '人次', note: '当月活动中已签到的报名' },
  pointsIssued: { label: '发放积分', unit: '分', note: '服务、微心愿与人工增加的积分（不含退回）' },
  pointsRedeemed: { label: '兑换积分', unit: '分', note: '爱心超市兑换扣减，减去取消与逾期退回' },
  pointsOutstanding: { label: '积分结余', unit: '分', note: '月末全体居民积分余额合计' },
  wishesPosted: { label: '发布微心愿', unit: '个', note: '当月提交的心愿（含待审核）' },
  wishesClaimed: { label: '认领微心愿', unit: '次', note: '当月党员认领次数' },
  wishesFulfilled: { label: '完成微心愿', unit: '个', note: '当月确认收到的心愿' },
  proposals: { label: '百姓点菜提议', unit: '条', note: '当月居民提交的需求' },
  ballots: { label: '投票人次', unit: '人次', note: '当月线上与纸质选票' },
  projectsCompleted: { label: '完成微实事项目', unit: '个', note: '当月完成的项目' },
};

/** The charts by subject, one tab each on the dashboard (a phone draws a few charts at a time). */
export const SERIES_GROUPS: { title: string; series: SeriesKey[] }[] = [
  { title: '志愿服务', series: ['activeVolunteers', 'serviceMinutes', 'eventsHeld', 'attendance'] },
  { title: '积分', series: ['pointsIssued', 'pointsRedeemed', 'pointsOutstanding'] },
  { title: '微心愿', series: ['wishesPosted', 'wishesClaimed', 'wishesFulfilled'] },
  { title: '百姓点菜', series: ['proposals', 'ballots', 'projectsCompleted'] },
];

/** What waits for staff, each a badge on a workbench tool. */
export const WORKBENCH_COUNTS = [
  'applications',
  'pickups',
  'hoursToConfirm',
  'lowStock',
  'wishesToReview',
  'wishesOverdue',
  'openReports',
  'proposalsToScreen',
  'objections',
] as const;
export type WorkbenchCount = (typeof WORKBENCH_COUNTS)[number];

/** What waits on the 社区工作台 altogether: the sum of its badges (the home page's entry shows it). */
export function totalWaiting(counts: Readonly<Record<WorkbenchCount, number>>): number {
  return WORKBENCH_COUNTS.reduce((sum, key) => sum + counts[key], 0);
}

/** Figures shown in the dashboard's monthly table: minutes read as hours. */
export function seriesValue(key: SeriesKey, value: number): number {
  return key === 'serviceMinutes' ? Math.round((value / 60) * 10) / 10 : value;
}
