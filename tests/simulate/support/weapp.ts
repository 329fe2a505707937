/**
 * Run the *compiled* weapp (dist/weapp) inside miniprogram-simulate (jsdom + j-component,
 * WXML compiled by the official `wcc`). Taro's pages call `Page()`; j-component only knows
 * `Component()`, so `Page` is adapted. The app (`App()`) is launched first because Taro
 * mounts every page into the app's React root.
 *
 * Use from a test file with `@jest-environment jsdom`; load the app once per test file
 * (jest gives each file a fresh module registry, so the bundle's state does not leak).
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type * as Simulate from 'miniprogram-simulate';

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
/** The build under test; SIMULATE_WEAPP_ROOT points at another build (it is then never rebuilt). */
export const WEAPP_ROOT = process.env.SIMULATE_WEAPP_ROOT
  ? path.resolve(process.env.SIMULATE_WEAPP_ROOT)
  : path.join(PROJECT_ROOT, 'dist/weapp');

const BUILD_TIMEOUT_MS = 180_000;
/** Held while one jest worker builds: test files run in parallel, and only one may build. */
const BUILD_LOCK = path.join(PROJECT_ROOT, 'dist', '.weapp-build.lock');

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function underBuildLock(run: () => void): void {
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      fs.closeSync(fs.openSync(BUILD_LOCK, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock older than any build was left by a killed run.
    const lockedAt = fs.statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - lockedAt > BUILD_TIMEOUT_MS * 2) fs.rmSync(BUILD_LOCK, { force: true });
    else sleepSync(200);
  }
  try {
    run();
  } finally {
    fs.rmSync(BUILD_LOCK, { force: true });
  }
}

/**
 * Build dist/weapp when it is missing, or with SIMULATE_REBUILD=1 once per jest run (a build
 * newer than this worker process is this run's). ~15 s.
 */
export function ensureWeappBuild(): void {
  if (process.env.SIMULATE_WEAPP_ROOT) return;
  const appJson = path.join(WEAPP_ROOT, 'app.json');
  const startedAt = Date.now() - process.uptime() * 1000;
  const usable = () => {
    const built = fs.statSync(appJson, { throwIfNoEntry: false });
    return Boolean(built) && (process.env.SIMULATE_REBUILD !== '1' || built!.mtimeMs > startedAt);
  };
  if (usable() && !fs.existsSync(BUILD_LOCK)) return;
  underBuildLock(() => {
    if (usable()) return; // another worker built it while this one waited
    execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
      cwd: PROJECT_ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production', TARO_ENV: 'weapp' },
      timeout: BUILD_TIMEOUT_MS,
    });
  });
  if (!fs.existsSync(appJson)) throw new Error('taro build did not produce dist/weapp/app.json');
}

type Callback = (res: unknown) => void;
type ApiOptions = { success?: Callback; fail?: Callback; complete?: Callback; [key: string]: unknown };

/** A wx API stub: records its options and answers like wx (callbacks, or a promise without them). */
function api(answer: (options: ApiOptions) => unknown = () => ({})) {
  return jest.fn((options: ApiOptions = {}) => {
    const result = Promise.resolve().then(() => answer(options));
    if (!options.success && !options.fail && !options.complete) return result;
    result.then(
      (res) => {
        options.success?.(res);
        options.complete?.(res);
      },
      (err) => {
        options.fail?.(err);
        options.complete?.(err);
      },
    );
    return undefined;
  });
}

/**
 * `wx.createSelectorQuery()`: miniprogram-simulate's own returns nothing to chain on. jsdom has
 * no layout, so every node measures 0×0 at the origin (a list of them for selectAll), answered
 * asynchronously as in WeChat. NutUI's Tabs and Swiper measure their titles this way.
 */
function selectorQuery() {
  const rect = { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };
  const results: unknown[] = [];
  let all = false;
  const query = {
    in: () => query,
    select: () => ((all = false), query),
    selectAll: () => ((all = true), query),
    selectViewport: () => ((all = false), query),
    boundingClientRect: () => (results.push(all ? [] : rect), query),
    fields: () => (results.push(all ? [] : rect), query),
    scrollOffset: () => (results.push({ scrollLeft: 0, scrollTop: 0 }), query),
    exec: (callback?: (res: unknown[]) => void) => void setTimeout(() => callback?.(results), 0),
  };
  return query;
}

export interface WxStub {
  showToast: jest.Mock;
  navigateTo: jest.Mock;
  redirectTo: jest.Mock;
  storage: Map<string, unknown>;
  cloud: { init: jest.Mock; callFunction: jest.Mock };
}

/**
 * What `wx.cloud.callFunction` answers with as `{ result }`: a fixed result per
 * `<function>.<action>`, or a function that serves any call (e.g. the real functions).
 */
export type CloudAnswers =
  Record<string, unknown> | ((name: string, data: unknown) => unknown | Promise<unknown>);

/**
 * Install the `wx` stub on top of miniprogram-simulate's own `wx` mock. Must run before the
 * bundle loads: Taro copies `wx.cloud` and wraps the wx APIs when taro.js is evaluated.
 */
export function installWx(cloudAnswers: CloudAnswers): WxStub {
  const storage = new Map<string, unknown>();
  const stub: WxStub = {
    showToast: api(() => ({ errMsg: 'showToast:ok' })),
    navigateTo: api(() => ({ errMsg: 'navigateTo:ok' })),
    redirectTo: api(() => ({ errMsg: 'redirectTo:ok' })),
    storage,
    cloud: {
      init: jest.fn(),
      callFunction: api(async (options) => {
        if (typeof cloudAnswers === 'function') {
          const result = await cloudAnswers(String(options.name), options.data);
          return { errMsg: 'cloud.callFunction:ok', result };
        }
        const data = options.data as { action?: string } | undefined;
        const key = `${String(options.name)}.${String(data?.action)}`;
        if (!(key in cloudAnswers)) throw { errMsg: `cloud.callFunction:fail no stub for ${key}` };
        return { errMsg: 'cloud.callFunction:ok', result: cloudAnswers[key] };
      }),
    },
  };
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  Object.assign(wx, {
    showToast: stub.showToast,
    navigateTo: stub.navigateTo,
    redirectTo: stub.redirectTo,
    cloud: stub.cloud,
    createSelectorQuery: selectorQuery,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  });
  return stub;
}

type Lifecycle = (this: unknown, ...args: unknown[]) => unknown;
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

/** The query the next page rendered opens with (renderPage sets it; onLoad reads it). */
let nextQuery: Record<string, string> = {};

/**
 * `Page(options)` → `Component()`: page methods (Taro's `eh` event handler among them) become
 * component methods; onLoad/onShow run when attached, onReady when ready, onUnload when detached.
 */
export function installPageAdapter(): void {
  const g = globalThis as unknown as {
    Page: (options: PageOptions) => void;
    Component: (options: object) => void;
    getCurrentPages: () => unknown[];
  };
  const stack: unknown[] = [];
  g.getCurrentPages = () => [...stack];
  g.Page = (options) => {
    const methods: Record<string, Lifecycle> = {};
    for (const [key, value] of Object.entries(options))
      if (typeof value === 'function') methods[key] = value as Lifecycle;
    const call = (self: Record<string, unknown>, name: string, ...args: unknown[]) =>
      typeof self[name] === 'function' ? (self[name] as Lifecycle).apply(self, args) : undefined;
    g.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          stack.push(this);
          call(this, 'onLoad', { ...nextQuery });
          call(this, 'onShow');
        },
        ready(this: Record<string, unknown>) {
          call(this, 'onReady');
        },
        detached(this: Record<string, unknown>) {
          call(this, 'onUnload');
          stack.splice(stack.indexOf(this), 1);
        },
      },
    });
  };
}

interface AppInstance {
  onLaunch?(options: unknown): void;
  onShow?(options: unknown): void;
}

/** Load dist/weapp/app.js (its webpack runtime, vendors and Taro) and launch the app. */
export function launchApp(entryPage: string): AppInstance {
  const g = globalThis as unknown as {
    App: (app: AppInstance) => void;
    getApp: () => AppInstance | undefined;
  };
  let app: AppInstance | undefined;
  g.App = (options) => {
    app = options;
  };
  g.getApp = () => app;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(WEAPP_ROOT, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  const launch = { path: entryPage, query: {}, scene: 1001 };
  app.onLaunch?.(launch);
  app.onShow?.(launch);
  return app;
}

/** Load, render and attach a compiled page (e.g. 'pages/home/index'), opened with `query`. */
export function renderPage(simulate: typeof Simulate, route: string, query: Record<string, string> = {}) {
  const id = simulate.load(path.join(WEAPP_ROOT, route), { compiler: 'official', rootPath: WEAPP_ROOT });
  const page = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  nextQuery = query;
  page.attach(parent);
  return page;
}

/**
 * Collect WXML runtime warnings such as "Template `tmpl_0_div` not found.": nodes WeChat would not
 * draw. Other warnings still reach stderr.
 */
export function collectTemplateWarnings(): string[] {
  const warnings: string[] = [];
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('WXMLRT_')) warnings.push(text.replace(/^.*?: /, ''));
    else process.stderr.write(`console.warn: ${text}\n`);
  });
  return warnings;
}

/** Poll until `check` stops throwing (Taro batches setData; the cloud call is async). */
export async function eventually<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
