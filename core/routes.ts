/**
 * Every page of the app, named once. `src/app.config.ts` lists its pages and subpackages from
 * here, the app navigates by name (`src/services/navigation.ts`), and the cloud functions link
 * a notification to the page it is about — so a moved page cannot leave a dead link behind.
 */
export const ROUTES = {
  // The main package; the first page is the one the app opens on.
  home: 'pages/home/index',
  events: 'pages/events/index',
  points: 'pages/points/index',
  me: 'pages/me/index',
  profile: 'pages/me/profile/index',
  volunteer: 'pages/me/volunteer/index',
  party: 'pages/me/party/index',
  messages: 'pages/me/messages/index',
  history: 'pages/points/history/index',
  ranking: 'pages/points/ranking/index',
  goods: 'pages/mall/goods/index',
  orders: 'pages/mall/orders/index',
  order: 'pages/mall/order/index',
  eventDetail: 'pages/events/detail/index',
  myEvents: 'pages/events/mine/index',
  scan: 'pages/events/scan/index',
  record: 'pages/me/record/index',
  certificate: 'pages/me/certificate/index',
  card: 'pages/me/card/index',
  privacy: 'pages/me/privacy/index',
  // Subpackages: `packages/<root>/…`.
  staffApplications: 'packages/staff/applications/index',
  staffResidents: 'packages/staff/residents/index',
  staffPickup: 'packages/staff/pickup/index',
  staffGoods: 'packages/staff/goods/index',
  staffGoodsEdit: 'packages/staff/goods-edit/index',
  staffAdjust: 'packages/staff/adjust/index',
  staffDonors: 'packages/staff/donors/index',
  staffEvents: 'packages/staff/events/index',
  staffEventEdit: 'packages/staff/event-edit/index',
  staffWorkbench: 'packages/staff/workbench/index',
  staffEventHub: 'packages/staff/event/index',
  staffDashboard: 'packages/staff/dashboard/index',
  staffExports: 'packages/staff/exports/index',
  staffAudit: 'packages/staff/audit/index',
  leaderCode: 'packages/leader/code/index',
  leaderParticipants: 'packages/leader/participants/index',
  devLogin: 'packages/dev/login/index',
  devOutbox: 'packages/dev/outbox/index',
} as const;

export type RouteName = keyof typeof ROUTES;

/** The pages on the tab bar, which open with switchTab. */
export const TAB_ROUTES = ['home', 'events', 'points', 'me'] as const satisfies readonly RouteName[];

/** What each page reads from its query string; pages not listed take none. */
export interface RouteParams {
  eventDetail: { id: string };
  goods: { id: string };
  /** `fresh`: just redeemed, so the page says so. */
  order: { id: string; fresh?: '1' };
  leaderCode: { id: string; purpose?: 'in' | 'out' };
  leaderParticipants: { id: string };
  staffAdjust: { userId: string };
  /** Without an id the editor creates a new item. */
  staffGoodsEdit: { id?: string };
  staffEventEdit: { id?: string };
  staffEventHub: { id: string };
  /** With `eventId` the page exports that event's attendance only (for its leaders too). */
  staffExports: { eventId?: string };
  /** Staff open it with a managed resident's id to see, export or close that resident's data. */
  privacy: { userId?: string };
}

export type ParamsOf<R extends RouteName> = R extends keyof RouteParams ? RouteParams[R] : undefined;

/** `/pages/events/detail/index?id=e1`: a page's address with its parameters. */
export function pageUrl<R extends RouteName>(route: R, params?: ParamsOf<R>): string {
  const query = Object.entries((params ?? {}) as Record<string, string | undefined>)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/${ROUTES[route]}${query ? `?${query}` : ''}`;
}

/** The route an address (e.g. a notification's `page`) points at, or null for anything else. */
export function routeOfUrl(url: string): RouteName | null {
  const path = url.replace(/^\//, '').split('?')[0];
  const found = (Object.keys(ROUTES) as RouteName[]).find((name) => ROUTES[name] === path);
  return found ?? null;
}

export function isTabRoute(route: RouteName): boolean {
  return (TAB_ROUTES as readonly RouteName[]).includes(route);
}

/** The main package's pages, in order, for app.config.ts. */
export function mainPackagePages(): string[] {
  return Object.values(ROUTES).filter((path) => !path.startsWith('packages/'));
}

/** One subpackage for app.config.ts: its root and its pages relative to it. */
export function subPackage(root: 'staff' | 'leader' | 'dev'): { root: string; pages: string[] } {
  const prefix = `packages/${root}/`;
  return {
    root: `packages/${root}`,
    pages: Object.values(ROUTES)
      .filter((path) => path.startsWith(prefix))
      .map((path) => path.slice(prefix.length)),
  };
}
