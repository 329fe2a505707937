/**
 * `@tarojs/taro` for component tests (jsdom), mapped in jest.config.js. Storage is a Map;
 * navigation, toasts, requests and cloud calls are jest.fn so tests can assert on them.
 * `resetTaroMock()` runs after every test (tests/mocks/setup-components.ts).
 *
 * NutUI's UMD build calls `Taro.getEnv()`, `Taro.createSelectorQuery()` … on the module
 * object itself, so everything is exported by name as well as on the default export.
 */
import { useEffect } from 'react';

export const storage = new Map<string, unknown>();

/** Every mock with its default implementation, restored by resetTaroMock(). */
const defaults: Array<[jest.Mock, (...args: never[]) => unknown]> = [];
function fn<F extends (...args: never[]) => unknown>(impl: F): jest.Mock<ReturnType<F>, Parameters<F>> {
  const mock = jest.fn(impl) as unknown as jest.Mock<ReturnType<F>, Parameters<F>>;
  defaults.push([mock as unknown as jest.Mock, impl]);
  return mock;
}

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  WEB: 'WEB',
  RN: 'RN',
  HARMONY: 'HARMONY',
  QUICKAPP: 'QUICKAPP',
} as const;

export const getEnv = fn(() => ENV_TYPE.WEB);

export const getStorageSync = fn((key: string): unknown => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = fn((key: string, value: unknown): void => {
  storage.set(key, value);
});
export const removeStorageSync = fn((key: string): void => {
  storage.delete(key);
});
export const clearStorageSync = fn((): void => storage.clear());

const resolved = () => fn((_options?: unknown) => Promise.resolve({ errMsg: 'ok' }));

export const showToast = resolved();
export const hideToast = resolved();
export const showLoading = resolved();
export const hideLoading = resolved();
export const showModal = fn((_options?: unknown) => Promise.resolve({ confirm: true, cancel: false }));
export const navigateTo = resolved();
export const redirectTo = resolved();
export const reLaunch = resolved();
export const switchTab = resolved();
export const navigateBack = resolved();
export const request = fn((_options?: unknown) => Promise.resolve({ statusCode: 200, data: {} as unknown }));

export const cloud = {
  init: fn(() => undefined),
  callFunction: fn((_options: { name: string; data?: unknown }) =>
    Promise.resolve({ result: {} as unknown }),
  ),
};

/** Page/app lifecycle hooks: run the callback once after mount. */
function useOnMount(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, like the page lifecycle
  useEffect(() => callback(), []);
}
export const useDidShow = fn(useOnMount);
export const useLaunch = fn(useOnMount);
export const useLoad = fn(useOnMount);
export const useReady = fn(useOnMount);
export const useDidHide = fn((_callback: () => void) => undefined);
export const useUnload = fn((_callback: () => void) => undefined);
export const usePullDownRefresh = fn((_callback: () => void) => undefined);
export const useReachBottom = fn((_callback: () => void) => undefined);
export const usePageScroll = fn((_callback: () => void) => undefined);
export const useRouter = fn(() => ({ params: {} as Record<string, string>, path: '' }));
export const hideTabBar = resolved();
export const showTabBar = resolved();
/** WeChat's standard text size; a test sets another to play a phone set to large text. */
export const getAppBaseInfo = fn(() => ({ fontSizeSetting: 17 as number }));
export const stopPullDownRefresh = fn(() => undefined);
/** Two pages by default, so `back()` navigates back; a test sets one page to be a deep link. */
export const getCurrentPages = fn((): unknown[] => [{}, {}]);

// What NutUI touches while rendering on "WEB".
export const nextTick = (fn: () => void) => setTimeout(fn, 0);
export const getCurrentInstance = () => ({ router: { params: {}, path: '' }, page: null });
export const getSystemInfoSync = () => ({
  windowWidth: 375,
  windowHeight: 667,
  screenWidth: 375,
  screenHeight: 667,
  pixelRatio: 2,
  statusBarHeight: 20,
  platform: 'devtools',
  safeArea: { top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647 },
});
export const getWindowInfo = getSystemInfoSync;
export const getDeviceInfo = () => ({ platform: 'devtools' });
export const canIUse = () => true;
export const pageScrollTo = resolved();
export const createSelectorQuery = () => {
  const query = {
    in: () => query,
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: (res: unknown[]) => void) => cb?.([]),
  };
  return query;
};
export class Events {
  private handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  on(name: string, fn: (...args: unknown[]) => void) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(fn);
    return this;
  }
  off(name: string, fn?: (...args: unknown[]) => void) {
    if (fn) this.handlers.get(name)?.delete(fn);
    else this.handlers.delete(name);
    return this;
  }
  trigger(name: string, ...args: unknown[]) {
    this.handlers.get(name)?.forEach((handler) => handler(...args));
    return this;
  }
}
export const eventCenter = new Events();
export const SDKVersion = '3.0.0';

const Taro = {
  ENV_TYPE,
  getEnv,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  navigateBack,
  request,
  cloud,
  useDidShow,
  useLaunch,
  useLoad,
  useReady,
  useDidHide,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  useRouter,
  hideTabBar,
  showTabBar,
  getAppBaseInfo,
  stopPullDownRefresh,
  getCurrentPages,
  nextTick,
  getCurrentInstance,
  getSystemInfoSync,
  getWindowInfo,
  getDeviceInfo,
  canIUse,
  pageScrollTo,
  createSelectorQuery,
  Events,
  eventCenter,
  SDKVersion,
};
export default Taro;

/** Empty storage, forget calls and undo per-test implementations. */
export function resetTaroMock(): void {
  storage.clear();
  for (const [mock, impl] of defaults) mock.mockReset().mockImplementation(impl);
}
