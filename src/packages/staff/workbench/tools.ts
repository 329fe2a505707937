/**
 * Every staff tool, grouped as the 社区工作台 shows them: one line each. A page of the staff
 * package appears on the workbench by being listed here (the browser test taps its way to every
 * staff page from 我的), and its badge is the count of what waits, named by a key of
 * `dashboard.workbench` (core/domain/dashboard.ts WORKBENCH_COUNTS). A tool whose page is not
 * built yet has `route: null`: it shows its badge and 即将开放.
 */
import type { WorkbenchCount } from '@core/domain/dashboard';
import type { RouteName } from '@core/routes';

export interface StaffTool {
  route: RouteName | null;
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
      { route: null, label: '心愿审核', description: '待审核的心愿', badge: 'wishesToReview' },
      { route: null, label: '逾期心愿', description: '过期望日期仍未完成', badge: 'wishesOverdue' },
      { route: null, label: '举报处理', description: '居民举报的内容', badge: 'openReports' },
    ],
  },
  {
    title: '百姓点菜',
    tools: [
      { route: null, label: '提议初审', description: '居民提交的需求', badge: 'proposalsToScreen' },
      { route: null, label: '异议答复', description: '投票结果公示期的异议', badge: 'objections' },
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
