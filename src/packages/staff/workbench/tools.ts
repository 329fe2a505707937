/**
 * Every staff tool, grouped as the 社区工作台 shows them: one line each. A page of the staff
 * package appears on the workbench by being listed here (the browser test taps its way to every
 * staff page from 我的), and its badge is the count of what waits, named by a key of
 * `dashboard.workbench` (core/domain/dashboard.ts WORKBENCH_COUNTS). Staff reach their tools here
 * only (我的 lists the workbench itself); 微实事项目 is the residents' page, where staff manage each one.
 */
import type { WorkbenchCount } from '@core/domain/dashboard';
import type { RouteName } from '@core/routes';

export interface StaffTool {
  route: RouteName;
  label: string;
  description: string;
  badge?: WorkbenchCount;
}

export interface ToolGroup {
  title: string;
  tools: StaffTool[];
}

export const TOOL_GROUPS: ToolGroup[] = [
  {
    title: '居民',
    tools: [
      {
        route: 'staffApplications',
        label: '审核双报到申请',
        description: '在职党员报到',
        badge: 'applications',
      },
      { route: 'staffResidents', label: '居民管理', description: '代老人登记、积分调整、代为注销' },
    ],
  },
  {
    title: '活动',
    tools: [
      {
        route: 'staffEvents',
        label: '活动管理',
        description: '草稿、未开始、进行中、已结束',
        badge: 'hoursToConfirm',
      },
    ],
  },
  {
    title: '爱心超市',
    tools: [
      { route: 'staffPickup', label: '兑换核销', description: '扫码或输入取货码', badge: 'pickups' },
      { route: 'staffGoods', label: '爱心超市管理', description: '上架、补货、捐赠单位', badge: 'lowStock' },
    ],
  },
  {
    title: '微心愿',
    tools: [
      { route: 'staffWishReview', label: '心愿审核', description: '待审核的心愿', badge: 'wishesToReview' },
      {
        route: 'staffWishBoard',
        label: '心愿看板',
        description: '各状态的心愿、逾期、代老人发布、设置',
        badge: 'wishesOverdue',
      },
      {
        route: 'staffReports',
        label: '举报处理',
        description: '心愿、提议等内容的举报',
        badge: 'openReports',
      },
      { route: 'staffPartyRecords', label: '双报到记录', description: '按党员和年度查看、导出' },
    ],
  },
  {
    title: '百姓点菜',
    tools: [
      {
        route: 'staffProposals',
        label: '提议初审',
        description: '采纳、合并、不采纳',
        badge: 'proposalsToScreen',
      },
      {
        route: 'staffRounds',
        label: '投票管理',
        description: '发起投票、纸质选票、答复异议、立项',
        badge: 'objections',
      },
      { route: 'staffVotingSettings', label: '投票设置', description: '附议门槛、公示天数' },
      { route: 'voteProjects', label: '微实事项目', description: '进展节点、关联活动、完成' },
    ],
  },
  {
    title: '统计与记录',
    tools: [
      { route: 'staffDashboard', label: '数据看板', description: '本月与近12个月' },
      { route: 'staffExports', label: '数据导出', description: '服务记录、积分、订单、库存、双报到' },
      { route: 'staffAudit', label: '操作记录', description: '按工作人员、居民、类型查看' },
    ],
  },
];
