export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/events/index',
    'pages/points/index',
    'pages/me/index',
    'pages/me/profile/index',
    'pages/me/volunteer/index',
    'pages/me/party/index',
    'pages/me/messages/index',
    'pages/points/history/index',
    'pages/points/ranking/index',
    'pages/mall/goods/index',
    'pages/mall/orders/index',
    'pages/mall/order/index',
    'pages/events/detail/index',
    'pages/events/mine/index',
    'pages/events/scan/index',
    'pages/me/record/index',
    'pages/me/certificate/index',
    'pages/me/card/index',
  ],
  // Staff-only and local-only pages stay out of the main package.
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'applications/index',
        'residents/index',
        'pickup/index',
        'goods/index',
        'goods-edit/index',
        'adjust/index',
        'donors/index',
        'events/index',
        'event-edit/index',
      ],
    },
    { root: 'packages/leader', pages: ['code/index', 'participants/index'] },
    // The demo-user picker and outbox need the local cloud, which only H5 talks to
    // (isLocalCloud in services/dev-identity.ts): no dev pages in the mini-program.
    ...(process.env.TARO_ENV === 'h5'
      ? [{ root: 'packages/dev', pages: ['login/index', 'outbox/index'] }]
      : []),
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
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/events/index',
        text: '活动',
        iconPath: 'assets/tab/events.png',
        selectedIconPath: 'assets/tab/events-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tab/points.png',
        selectedIconPath: 'assets/tab/points-active.png',
      },
      {
        pagePath: 'pages/me/index',
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
