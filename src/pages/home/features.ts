import type { HomeView } from '@core/contract';
import type { Feature } from '../../components/feature-entry';

export { COMMUNITY_NAME } from '@core/domain/community';

/** The four ways to take part, each with what is new there now (from the home summary). */
export const FEATURES: (Feature & { status(home: HomeView): string })[] = [
  {
    key: 'points',
    name: '爱心超市',
    description: '积分兑换爱心好物',
    route: 'points',
    status: (home) => `我的积分 ${home.balance}`,
  },
  {
    key: 'wishes',
    name: '微心愿',
    description: '帮邻居圆个小心愿',
    route: 'wishWall',
    status: (home) => (home.wishes.open > 0 ? `${home.wishes.open} 个待认领` : '暂无待认领'),
  },
  {
    key: 'events',
    name: '活动报名',
    description: '志愿服务、社区活动',
    route: 'events',
    status: (home) => (home.events.length > 0 ? `近期 ${home.events.length} 场` : '暂无新活动'),
  },
  {
    key: 'votes',
    name: '百姓点菜',
    description: '社区办什么，居民说了算',
    route: 'votes',
    status: (home) => home.round?.phaseLabel ?? '去提需求',
  },
];
