/**
 * The four tab pages, once: app.config.ts builds WeChat's tabBar from this list and 关怀模式's
 * own bar (./index.tsx) draws the same. Icons are made by scripts/make-pictures.ts.
 */
import type { RouteName } from '@core/routes';

export interface TabItem {
  route: RouteName;
  text: string;
  /** Paths from the app's root (as app.json wants them). */
  iconPath: string;
  selectedIconPath: string;
}

export const TAB_ITEMS: readonly TabItem[] = [
  {
    route: 'home',
    text: '首页',
    iconPath: 'assets/tab/home.png',
    selectedIconPath: 'assets/tab/home-active.png',
  },
  {
    route: 'events',
    text: '活动',
    iconPath: 'assets/tab/events.png',
    selectedIconPath: 'assets/tab/events-active.png',
  },
  {
    route: 'points',
    text: '积分',
    iconPath: 'assets/tab/points.png',
    selectedIconPath: 'assets/tab/points-active.png',
  },
  { route: 'me', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
];
