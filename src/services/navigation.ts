/**
 * Moving between pages by name (core/routes.ts): a tab page opens with switchTab, any other
 * with navigateTo, so no page writes a path or picks the API itself.
 */
import Taro from '@tarojs/taro';
import { isTabRoute, pageUrl, routeOfUrl, type ParamsOf, type RouteName } from '@core/routes';

export function go<R extends RouteName>(route: R, params?: ParamsOf<R>): void {
  const url = pageUrl(route, params);
  if (isTabRoute(route)) void Taro.switchTab({ url });
  else void Taro.navigateTo({ url });
}

/** Replace this page (e.g. a finished redemption becomes its order). */
export function redirect<R extends RouteName>(route: R, params?: ParamsOf<R>): void {
  void Taro.redirectTo({ url: pageUrl(route, params) });
}

/** Start over on a page, forgetting the history (switching the demo user). */
export function relaunch(route: RouteName): void {
  void Taro.reLaunch({ url: pageUrl(route) });
}

/**
 * Back to where the resident came from; a page opened directly (a shared link, a reload in
 * H5) has nowhere to go back to, so it goes home instead of doing nothing.
 */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: pageUrl('home') });
}

/** Open an address the server gave (a notification's page); false when it is not a page of ours. */
export function openUrl(url: string): boolean {
  const route = routeOfUrl(url);
  if (!route) return false;
  if (isTabRoute(route)) void Taro.switchTab({ url: pageUrl(route) });
  else void Taro.navigateTo({ url });
  return true;
}
