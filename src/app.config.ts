import { ROUTES, mainPackagePages, subPackage } from '../core/routes';

export default defineAppConfig({
  // Every page is named once, in core/routes.ts.
  pages: mainPackagePages(),
  // Staff-only, 百姓点菜 and local-only pages stay out of the main package.
  subPackages: [
    subPackage('staff'),
    subPackage('leader'),
    subPackage('votes'),
    subPackage('wishes'),
    // The demo-user picker and outbox need the local cloud, which only H5 talks to
    // (isLocalCloud in services/dev-identity.ts): no dev pages in the mini-program.
    ...(process.env.TARO_ENV === 'h5' ? [subPackage('dev')] : []),
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '邻里通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: ROUTES.home,
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: ROUTES.events,
        text: '活动',
        iconPath: 'assets/tab/events.png',
        selectedIconPath: 'assets/tab/events-active.png',
      },
      {
        pagePath: ROUTES.points,
        text: '积分',
        iconPath: 'assets/tab/points.png',
        selectedIconPath: 'assets/tab/points-active.png',
      },
      {
        pagePath: ROUTES.me,
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Only public pages are indexed by WeChat search (src/sitemap.json, copied by config/index.ts).
  sitemapLocation: 'sitemap.json',
});
