import type { Feature } from '../../components/feature-entry';

export { COMMUNITY_NAME } from '@core/domain/community';

/** The four ways to take part. A feature without a route is not open yet. */
export const FEATURES: Feature[] = [
  { key: 'points', name: '爱心超市', description: '志愿服务攒积分，兑换爱心好物', route: 'points' },
  { key: 'wishes', name: '微心愿', description: '帮邻居圆一个小小心愿', route: 'wishWall' },
  { key: 'events', name: '活动报名', description: '社区活动、志愿服务一键报名', route: 'events' },
  { key: 'votes', name: '百姓点菜', description: '社区办什么，居民说了算', route: 'votes' },
];
