/**
 * @jest-environment jsdom
 */
/*
 * The compiled weapp's home page, rendered by WeChat's own WXML compiler (wcc) and template
 * runtime in miniprogram-simulate: what a resident would actually see in the mini-program.
 * Needs dist/weapp (built here when missing; SIMULATE_WEAPP_ROOT=<dir> tests another build).
 */
import simulate from 'miniprogram-simulate';
import { pageUrl } from '../../core/routes';
import { FEATURES as FEATURE_LIST } from '../../src/pages/home/features';
import {
  collectTemplateWarnings,
  ensureWeappBuild,
  eventually,
  installPageAdapter,
  installWx,
  launchApp,
  renderPage,
  type WxStub,
} from './support/weapp';

const COMMUNITY = '幸福里社区';
const FEATURES = ['爱心超市', '微心愿', '活动报名', '百姓点菜'];

const resident = {
  id: 'u-1001',
  nickname: '王阿姨',
  avatarUrl: '',
  realName: '',
  building: '3号楼',
  unit: '2单元301',
  phone: '',
  roles: ['resident'],
  careMode: false,
  managed: false,
  createdAt: 1767571200000,
};

/** A community with nothing on this week: the home page still shows its four doors. */
const quietHome = {
  balance: 0,
  nextEvent: null,
  events: [],
  goods: [],
  wishes: { open: 0, latest: [] },
  round: null,
  unreadMessages: 0,
  workbenchWaiting: null,
};

let wx: WxStub;
let page: ReturnType<typeof renderPage>;
let templateWarnings: string[];

beforeAll(() => {
  ensureWeappBuild();
  wx = installWx({
    'user.login': { ok: true, data: { user: resident, isNew: false } },
    'user.home': { ok: true, data: quietHome },
  });
  installPageAdapter();
  templateWarnings = collectTemplateWarnings();
  launchApp('pages/home/index');
  page = renderPage(simulate, 'pages/home/index');
}, 240_000);

/** The text a resident sees: the rendered DOM, not Taro's data. */
const visibleText = () => page.dom?.textContent ?? '';

test('on mount the page logs in, then asks for its first screen, through wx.cloud.callFunction', async () => {
  await eventually(() => expect(wx.cloud.callFunction.mock.calls.length).toBeGreaterThanOrEqual(2));
  const calls = wx.cloud.callFunction.mock.calls.map(
    ([options]) => options as { name: string; data: unknown },
  );
  expect(calls[0]).toEqual(expect.objectContaining({ name: 'user', data: { action: 'login', input: {} } }));
  expect(calls.slice(1)).toContainEqual(
    expect.objectContaining({ name: 'user', data: { action: 'home', input: {} } }),
  );
});

// The four doors come with the page's first-screen answer (user.home), after the login's.
test('Taro hands the page the community name and the four features (setData)', async () => {
  await eventually(() => {
    const json = JSON.stringify(page.data);
    expect(json).toContain('王阿姨'); // the login answer reached the page
    for (const text of [COMMUNITY, ...FEATURES]) expect(json).toContain(text);
  }, 10_000);
});

test('the rendered WXML tree shows the community name, the greeting and the four features', async () => {
  await eventually(() => {
    expect(visibleText()).toContain(COMMUNITY);
    expect(visibleText()).toContain('王阿姨，您好！');
    for (const name of FEATURES) expect(visibleText()).toContain(name);
  }, 10_000);
  const entries = page.querySelectorAll('.entry');
  expect(entries.map((entry) => entry.dom?.textContent ?? '')).toEqual(
    FEATURES.map((name) => expect.stringContaining(name)),
  );
});

test('every node the page renders has a WXML template (HTML tags need @tarojs/plugin-html)', async () => {
  // Once the first screen is drawn: the doors and sections are what most templates are for.
  await eventually(() => expect(visibleText()).toContain(FEATURES[0]), 10_000);
  await simulate.sleep(50);
  expect([...new Set(templateWarnings)]).toEqual([]);
});

/** The rendered entry of a feature, once the page has drawn it. */
const entryOf = (name: string) =>
  eventually(() => {
    const found = page.querySelectorAll('.entry').find((e) => e.dom?.textContent?.includes(name));
    if (!found) throw new Error(`no rendered entry for ${name}`);
    return found;
  });

test('a tap on an open feature reaches the Taro runtime: 微心愿 opens the wall (wx.navigateTo)', async () => {
  const entry = await entryOf('微心愿');
  wx.navigateTo.mockClear();
  entry.dispatchEvent('tap');
  await eventually(() => expect(wx.navigateTo).toHaveBeenCalledTimes(1));
  expect(wx.navigateTo.mock.calls[0][0]).toEqual(expect.objectContaining({ url: pageUrl('wishWall') }));
});

const notOpen = FEATURE_LIST.find((feature) => feature.route === null);

(notOpen ? test : test.skip)('a tap on a feature not open yet toasts 即将开放', async () => {
  const entry = await entryOf(notOpen!.name);
  wx.showToast.mockClear();
  entry.dispatchEvent('tap');
  await eventually(() => expect(wx.showToast).toHaveBeenCalledTimes(1));
  expect(wx.showToast.mock.calls[0][0]).toEqual(
    expect.objectContaining({ title: `${notOpen!.name}即将开放`, icon: 'none' }),
  );
});
