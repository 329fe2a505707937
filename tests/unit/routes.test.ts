import fs from 'fs';
import path from 'path';
import {
  ROUTES,
  TAB_ROUTES,
  mainPackagePages,
  pageUrl,
  routeOfUrl,
  subPackage,
  type RouteName,
} from '../../core/routes';

const SRC = path.resolve(__dirname, '../../src');

test('every route is a page that exists, with its config', () => {
  for (const route of Object.values(ROUTES)) {
    expect(fs.existsSync(path.join(SRC, `${route}.tsx`))).toBe(true);
    expect(fs.existsSync(path.join(SRC, `${route}.config.ts`))).toBe(true);
  }
});

test('app.config lists every route once: the main package, then the subpackages', () => {
  const subpackages = (['staff', 'leader', 'votes', 'wishes', 'dev'] as const).map(subPackage);
  const listed = [
    ...mainPackagePages(),
    ...subpackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ];
  expect(listed.sort()).toEqual(Object.values(ROUTES).sort());
  expect(mainPackagePages()[0]).toBe(ROUTES.home);
  for (const tab of TAB_ROUTES) expect(mainPackagePages()).toContain(ROUTES[tab]);
});

test('addresses carry their parameters and lead back to their route', () => {
  expect(pageUrl('eventDetail', { id: 'e1' })).toBe('/pages/events/detail/index?id=e1');
  expect(pageUrl('order', { id: 'o 1', fresh: '1' })).toBe('/pages/mall/order/index?id=o%201&fresh=1');
  expect(pageUrl('staffGoodsEdit', {})).toBe('/packages/staff/goods-edit/index');
  expect(pageUrl('party')).toBe('/pages/me/party/index');
  for (const name of Object.keys(ROUTES) as RouteName[]) expect(routeOfUrl(pageUrl(name))).toBe(name);
  expect(routeOfUrl('/pages/events/detail/index?id=e1')).toBe('eventDetail');
  expect(routeOfUrl('https://example.com/')).toBeNull();
});
