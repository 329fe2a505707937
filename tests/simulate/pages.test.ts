/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/*
 * Every page of the compiled weapp: the main package and each subpackage, as dist/weapp/app.json
 * lists them, rendered by WeChat's WXML compiler in miniprogram-simulate. The cloud behind them
 * is the real cloud functions on the stand-in database (support/community.ts), so each page gets
 * the envelopes it would get in production. (The node export conditions let the stand-in's
 * dependencies load under jsdom.)
 * Needs dist/weapp (built here when missing; SIMULATE_WEAPP_ROOT=<dir> tests another build).
 */
import fs from 'fs';
import path from 'path';
import simulate from 'miniprogram-simulate';
import { EVERYONE, startCommunity, type Community } from './support/community';
import {
  collectTemplateWarnings,
  ensureWeappBuild,
  eventually,
  installPageAdapter,
  installWx,
  launchApp,
  renderPage,
  WEAPP_ROOT,
  type WxStub,
} from './support/weapp';

ensureWeappBuild();
const app = JSON.parse(fs.readFileSync(path.join(WEAPP_ROOT, 'app.json'), 'utf8')) as {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
};
const ROUTES = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
];

let community: Community;
let wx: WxStub;
let templateWarnings: string[] = [];
/** Envelopes that were not ok, as `<function>.<action>: <code>`. */
const failures: string[] = [];
let pending = 0;

beforeAll(async () => {
  community = await startCommunity();
  wx = installWx(async (name, data) => {
    pending += 1;
    try {
      const result = (await community.answer(name, data)) as { ok: boolean; code?: string };
      if (!result.ok) failures.push(`${name}.${(data as { action: string }).action}: ${result.code}`);
      return result;
    } finally {
      pending -= 1;
    }
  });
  installPageAdapter();
  templateWarnings = collectTemplateWarnings();
  launchApp(ROUTES[0]);
}, 240_000);

afterAll(() => community?.cloud.close());

interface Expectation {
  query?: Record<string, string>;
  shows: string;
}

/**
 * What each page opens with and a text it must then show, taken from the community's data where
 * the page shows data (so the text proves the page drew the cloud's answer, not only its labels).
 * A page missing here fails: say what it must show.
 */
function expectations(route: string): Expectation | undefined {
  const {
    event,
    goods,
    order,
    scarce,
    userId,
    proposal,
    round,
    projectId,
    claimedWish,
    myWish,
    reportedWish,
  } = community;
  const me = EVERYONE.nickname;
  const table: Record<string, Expectation> = {
    'pages/home/index': { shows: '幸福里社区' },
    'pages/events/index': { shows: event.title },
    'pages/points/index': { shows: goods.name },
    'pages/me/index': { shows: me },
    'pages/me/profile/index': { shows: '昵称' },
    'pages/me/volunteer/index': { shows: me },
    'pages/me/party/index': { shows: '双报到' },
    'pages/me/messages/index': { shows: `认领成功：${claimedWish.title}` },
    'pages/points/history/index': { shows: '志愿服务补录' },
    'pages/points/ranking/index': { shows: me },
    'pages/mall/goods/index': { query: { id: goods.id }, shows: goods.description },
    'pages/mall/orders/index': { shows: goods.name },
    'pages/mall/order/index': { query: { id: order.id }, shows: order.pickupPlace },
    'pages/events/detail/index': { query: { id: event.id }, shows: event.place },
    'pages/events/mine/index': { shows: event.title },
    'pages/events/scan/index': { shows: '签到' },
    'pages/me/record/index': { shows: '服务记录' },
    'pages/me/certificate/index': { shows: me },
    'pages/me/card/index': { shows: me },
    'pages/me/privacy/index': { shows: '5号楼' },
    'packages/staff/applications/index': { shows: '审核中' },
    'packages/staff/residents/index': { shows: '张桂英' },
    'packages/staff/pickup/index': { shows: '取货码' },
    'packages/staff/goods/index': { shows: goods.name },
    'packages/staff/goods-edit/index': { query: { id: goods.id }, shows: `兑换 ${me}` },
    'packages/staff/adjust/index': { query: { userId }, shows: '志愿服务补录' },
    'packages/staff/donors/index': { shows: '阿强理发店' },
    'packages/staff/events/index': { shows: event.title },
    'packages/staff/event-edit/index': { query: { id: event.id }, shows: '负责人' },
    'packages/staff/wish-board/index': { shows: reportedWish.title },
    'packages/staff/wish-review/index': { shows: myWish.title },
    'packages/staff/wish-edit/index': { query: { id: reportedWish.id }, shows: '心愿内容' },
    'packages/staff/wish-post-for/index': { shows: '张桂英' },
    'packages/staff/wish-settings/index': { shows: '认领上限' },
    'packages/staff/reports/index': { shows: '周邻居' },
    'packages/staff/party-records/index': { shows: '陈建国' },
    'packages/wishes/wall/index': { shows: reportedWish.title },
    'packages/wishes/detail/index': {
      query: { id: claimedWish.id },
      shows: claimedWish.contact?.name ?? '?',
    },
    'packages/wishes/post/index': { shows: '心愿人信息' },
    'packages/wishes/mine/index': { shows: myWish.title },
    'packages/wishes/claimed/index': { shows: claimedWish.title },
    'packages/wishes/record/index': { shows: `${me} · ` },
    'packages/staff/workbench/index': { shows: '活动管理' },
    'packages/staff/event/index': { query: { id: event.id }, shows: event.title },
    'packages/staff/dashboard/index': { shows: scarce.name },
    'packages/staff/exports/index': { shows: '生成表格' },
    'packages/staff/audit/index': { shows: '调整积分' },
    'packages/leader/code/index': { query: { id: event.id, purpose: 'in' }, shows: '请志愿者用微信扫码签到' },
    'packages/leader/participants/index': { query: { id: event.id }, shows: me },
    'packages/staff/proposals/index': { shows: '2号楼车棚增设电动车充电桩' },
    'packages/staff/voting-settings/index': { shows: '附议门槛' },
    'packages/staff/rounds/index': { shows: round.title },
    'packages/staff/round/index': { query: { id: round.id }, shows: '录入纸质选票' },
    'packages/staff/round-edit/index': { shows: '投票规则' },
    'packages/staff/paper-ballot/index': { query: { roundId: round.id }, shows: '张桂英' },
    'packages/staff/project-edit/index': { query: { id: projectId }, shows: '雨棚安装' },
    'packages/staff/milestone-edit/index': {
      query: { projectId, milestoneId: 'ms-demo-buy' },
      shows: '垃圾分类亭加装雨棚',
    },
    'packages/votes/home/index': { shows: round.title },
    'packages/votes/propose/index': { shows: '需求描述' },
    'packages/votes/proposal/index': { query: { id: 'p-demo-movie' }, shows: '附议 1 人' },
    'packages/votes/mine/index': { shows: proposal.title },
    'packages/votes/rounds/index': { shows: '2026年秋季百姓点菜' },
    // Live results: the ballot to cast and the chart of the votes so far.
    'packages/votes/round/index': { query: { id: round.id }, shows: '楼道感应灯更换入选2 票' },
    'packages/votes/projects/index': { shows: '幸福里社工服务站' },
    'packages/votes/project/index': { query: { id: projectId }, shows: '材料采购' },
  };
  return table[route];
}

test('app.json lists the main package and the staff, leader, votes and wishes subpackages, not the dev one', () => {
  expect(ROUTES).toContain('pages/home/index');
  expect(ROUTES.filter((route) => route.startsWith('packages/dev/'))).toEqual([]);
  expect(ROUTES.some((route) => route.startsWith('packages/staff/'))).toBe(true);
  expect(ROUTES.some((route) => route.startsWith('packages/leader/'))).toBe(true);
  expect(ROUTES.some((route) => route.startsWith('packages/votes/'))).toBe(true);
  expect(ROUTES.some((route) => route.startsWith('packages/wishes/'))).toBe(true);
});

describe.each(ROUTES)('%s', (route) => {
  let page: ReturnType<typeof renderPage>;
  let expected: Expectation | undefined;
  const visibleText = () => page?.dom?.textContent ?? '';

  beforeAll(async () => {
    expected = expectations(route);
    if (!expected) return;
    failures.length = 0;
    templateWarnings.length = 0;
    page = renderPage(simulate, route, expected.query);
    // Until the page has drawn the cloud's answer and made all its calls; the tests below say
    // what is wrong if it never does. A generous limit (2 shared cores): it ends at the first pass.
    await eventually(() => {
      expect(visibleText()).toContain(expected!.shows);
      expect(pending).toBe(0);
    }, 20_000).catch(() => undefined);
  }, 60_000);

  afterAll(() => page?.detach());

  test('shows its Chinese text, drawn from the cloud', () => {
    if (!expected) throw new Error(`say in expectations() what ${route} must show`);
    expect(visibleText()).toContain(expected.shows);
    expect(visibleText()).toMatch(/[\u4e00-\u9fff]{2}/);
  });

  test('shows no raw token (a QR holds it; people read a 口令 or a 证号)', () => {
    expect(visibleText()).not.toMatch(/llt:|[A-Za-z0-9_-]{20,}/);
  });

  test('shows no local-cloud tool (the demo-user picker and outbox are H5-only)', () => {
    for (const text of ['本地调试', '切换演示用户', '通知发件箱']) expect(visibleText()).not.toContain(text);
  });

  test('every cloud call it made was answered ok', () => {
    expect(failures).toEqual([]);
  });

  test('every node it renders has a WXML template', () => {
    expect([...new Set(templateWarnings)]).toEqual([]);
  });
});

test('CloudBase is initialised once, before the first call', () => {
  expect(wx.cloud.init).toHaveBeenCalledTimes(1);
  expect(wx.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }));
  expect(wx.cloud.init.mock.invocationCallOrder[0]).toBeLessThan(
    wx.cloud.callFunction.mock.invocationCallOrder[0],
  );
});
