/**
 * Starts what a resident would use: the H5 build served by the local cloud on a fresh
 * database seeded with the demo community, and a headless Debian Chromium.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../core/routes';
import { TAB_ITEMS } from '../../src/components/tab-bar/items';
import { ManualClock } from '../../cloudfunctions/runtime/ports';
import { createLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { createHttpServer } from '../../server/http';
import { H5_DIR, ROOT } from '../../server/paths';
import { seedDemoCommunity } from '../../server/seed';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium headless, sandbox-free as root, and off the network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Harness {
  baseUrl: string;
  cloud: LocalCloud;
  /** The server's clock: starts at the real time and moves only when a test moves it. */
  clock: ManualClock;
  browser: Browser;
  /** A new phone-sized page logged in as the demo user with `openid` (or nobody). */
  openAs(openid: string | null): Promise<Page>;
  /** Reopen the app on its home page, as after switching back to it: every page loads afresh. */
  restart(page: Page): Promise<void>;
  stop(): Promise<void>;
}

function ensureH5Build() {
  if (fs.existsSync(path.join(H5_DIR, 'index.html'))) return;
  const res = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('H5 build failed');
}

export async function startHarness(): Promise<Harness> {
  ensureH5Build();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-e2e-'));
  const clock = new ManualClock(Date.now());
  const cloud = createLocalCloud({ file: path.join(dataDir, 'e2e.db'), clock });
  const uploadsDir = path.join(dataDir, 'uploads');
  await seedDemoCommunity(cloud.deps, { uploadsDir });
  const app: FastifyInstance = createHttpServer(cloud, { h5Dir: H5_DIR, uploadsDir });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

  return {
    baseUrl,
    cloud,
    clock,
    browser,
    async openAs(openid) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      // Taro's H5 storage keeps values as JSON under their key.
      if (openid) {
        await context.addInitScript((id) => {
          localStorage.setItem('dev-openid', JSON.stringify({ data: id }));
          localStorage.setItem('care-mode-asked', JSON.stringify({ data: true }));
        }, openid);
      }
      const page = await context.newPage();
      await page.goto(`${baseUrl}/#/pages/home/index`);
      return page;
    },
    async restart(page) {
      await page.goto(`${baseUrl}/#/pages/home/index`);
      await page.reload();
      await front(page).locator('.hero').waitFor();
    },
    async stop() {
      await browser.close();
      await app.close();
      cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Taro's H5 keeps earlier pages in the DOM, shaded; act only on the one in front. */
export function front(page: Page) {
  // `:visible` too: a tab page left right after it opened can stay unshaded a while, hidden.
  return page.locator('.taro_page:not(.taro_page_shade):visible');
}

/**
 * Open the page at `url` (a route with its query) afresh and wait until it shows its content:
 * no skeleton, no request under way, its pictures and fonts laid out.
 */
export async function showPage(page: Page, baseUrl: string, url: string) {
  await page.goto(`${baseUrl}/#${url}`);
  await page.reload();
  await front(page).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const shown = document.querySelector('.taro_page:not(.taro_page_shade)');
    return (
      shown && !shown.querySelector('[data-testid="skeleton"]') && (shown.textContent ?? '').trim().length > 0
    );
  });
  await page.waitForTimeout(150);
}

/**
 * Wait until no page is still sliding in (a page with little to load can be acted on, and
 * left, within the slide). Taro's H5 router shades the page underneath when
 * the slide ends, so going back before then leaves no page in front.
 */
export async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.taro_page:not(.taro_page_stationed)'));
}

export async function tapCell(page: Page, title: string) {
  await front(page).locator('.nut-cell', { hasText: title }).first().click();
}

/** The browser's back, once the page in front has finished sliding in. */
export async function goBack(page: Page) {
  await settle(page);
  await page.goBack();
}

export async function fillField(page: Page, name: string, value: string) {
  await front(page).locator(`input[name="${name}"]`).fill(value);
}

/** A button: NutUI's, or the light one of the first screen (src/components/light-button). */
export async function tapButton(page: Page, text: string) {
  await page.locator('.nut-button:visible, .llt-button:visible', { hasText: text }).first().click();
}

/** Accept the confirm step an irreversible act asks for (the platform's modal, in H5 Taro's). */
export async function confirmModal(page: Page) {
  await page.locator('.taro__modal .taro-model__confirm:visible').click();
}

/** The page a tab opens (the tab bar's own list, src/components/tab-bar/items.ts). */
function tabRoute(text: string) {
  const tab = TAB_ITEMS.find((item) => item.text === text);
  if (!tab) throw new Error(`no tab ${text}`);
  return tab.route;
}

/**
 * A tab of WeChat's tab bar (Taro's in H5), or of 关怀模式's own on the page in front; returns
 * once the tab's page is the one in front (the page left may show the same things, e.g. the
 * home page's events).
 */
export async function tapTab(page: Page, text: '首页' | '活动' | '积分' | '我的') {
  await page
    .locator('.weui-tabbar__item:visible, .taro_page:not(.taro_page_shade) .llt-tab-bar__item', {
      hasText: text,
    })
    .first()
    .click();
  await page.waitForFunction(
    (path) =>
      Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)')).some(
        (el) => el.id.startsWith(`/${path}`) && getComputedStyle(el).display !== 'none',
      ),
    ROUTES[tabRoute(text)],
  );
}

/** Log in as another demo user the way a developer does: 我的 → 切换演示用户 → pick. */
export async function switchUser(page: Page, openid: string) {
  await tapTab(page, '我的');
  await tapCell(page, '切换演示用户');
  await page.getByTestId(`demo-user-${openid}`).click();
  await front(page).locator('.hero').waitFor();
}

/** A staff tool on the 社区工作台 (我的 → 社区工作台 → the tool). */
export async function openTool(page: Page, label: string) {
  await tapTab(page, '我的');
  await tapCell(page, '社区工作台');
  await front(page).getByTestId('staff-tool').filter({ hasText: label }).click();
}
