import { ROUTES, mainPackagePages, subPackage } from '../core/routes';
import { TAB_ITEMS } from './components/tab-bar/items';

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
    // The same four pages 关怀模式's own bar shows (src/components/tab-bar).
    list: TAB_ITEMS.map(({ route, text, iconPath, selectedIconPath }) => ({
      pagePath: ROUTES[route],
      text,
      iconPath,
      selectedIconPath,
    })),
  },
  lazyCodeLoading: 'requiredComponents',
  // Only public pages are indexed by WeChat search (src/sitemap.json, copied by config/index.ts).
  sitemapLocation: 'sitemap.json',
});
