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
  staffProposals: 'packages/staff/proposals/index',
  staffVotingSettings: 'packages/staff/voting-settings/index',
  staffRounds: 'packages/staff/rounds/index',
  staffRound: 'packages/staff/round/index',
  staffRoundEdit: 'packages/staff/round-edit/index',
  staffPaperBallot: 'packages/staff/paper-ballot/index',
  staffProjectEdit: 'packages/staff/project-edit/index',
  staffMilestoneEdit: 'packages/staff/milestone-edit/index',
  // 百姓点菜, for residents.
  votes: 'packages/votes/home/index',
  votePropose: 'packages/votes/propose/index',
  voteProposal: 'packages/votes/proposal/index',
  voteMine: 'packages/votes/mine/index',
  voteRounds: 'packages/votes/rounds/index',
  voteRound: 'packages/votes/round/index',
  voteProjects: 'packages/votes/projects/index',
  voteProject: 'packages/votes/project/index',
  staffWishBoard: 'packages/staff/wish-board/index',
  staffWishReview: 'packages/staff/wish-review/index',
  staffWishEdit: 'packages/staff/wish-edit/index',
  staffWishPostFor: 'packages/staff/wish-post-for/index',
  staffWishSettings: 'packages/staff/wish-settings/index',
  staffReports: 'packages/staff/reports/index',
  staffPartyRecords: 'packages/staff/party-records/index',
  // 微心愿 for residents and 双报到 party members.
  wishWall: 'packages/wishes/wall/index',
  wishDetail: 'packages/wishes/detail/index',
  wishPost: 'packages/wishes/post/index',
  myWishes: 'packages/wishes/mine/index',
  claimedWishes: 'packages/wishes/claimed/index',
  partyRecord: 'packages/wishes/record/index',
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
  /** Opened by WeChat's 扫一扫 from the 签到码's link: `q` is that link, percent-encoded once. */
  scan: { q?: string };
  leaderParticipants: { id: string };
  staffAdjust: { userId: string };
  /** Without an id the editor creates a new item. */
  staffGoodsEdit: { id?: string };
  /** `projectId`: a new 微实事项目 event for that project. */
  staffEventEdit: { id?: string; projectId?: string };
  voteProposal: { id: string };
  voteRound: { id: string };
  voteProject: { id: string };
  staffRound: { id: string };
  staffRoundEdit: { id?: string };
  staffPaperBallot: { roundId: string };
  /** Edit project `id`, or create one from the winner `proposalId` of round `roundId`. */
  staffProjectEdit: { id?: string; roundId?: string; proposalId?: string };
  staffMilestoneEdit: { projectId: string; milestoneId?: string };
  wishDetail: { id: string };
  staffWishEdit: { id: string };
  staffEventHub: { id: string };
  /** With `eventId` the page exports that event's attendance only (for its leaders too). */
  /** `kind` opens on that table (the 双报到记录 page sends `party`). */
  staffExports: { eventId?: string; kind?: string };
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
export function subPackage(root: 'staff' | 'leader' | 'votes' | 'wishes' | 'dev'): {
  root: string;
  pages: string[];
} {
  const prefix = `packages/${root}/`;
  return {
    root: `packages/${root}`,
    pages: Object.values(ROUTES)
      .filter((path) => path.startsWith(prefix))
      .map((path) => path.slice(prefix.length)),
  };
}
