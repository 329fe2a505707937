import { useEffect, useMemo, type ReactNode } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { isTabRoute, pageUrl, routeOfUrl, type RouteName } from '@core/routes';
import { useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { cssVariables, pageClassName, themeFor } from '../../theme/care';
import { devOpenid, isLocalCloud } from '../../services/dev-identity';
import { redirect } from '../../services/navigation';
import { TabBar } from '../tab-bar';

export const DEV_LOGIN_PAGE = pageUrl('devLogin');

interface Props {
  children: ReactNode;
  className?: string;
  /** The dev login page itself must not wait for a login. */
  requiresLogin?: boolean;
}

/** The tab page this is, or null (the router's path has a leading slash in H5, none on the phone). */
function tabRouteOf(path: string | undefined): RouteName | null {
  const route = path ? routeOfUrl(path) : null;
  return route && isTabRoute(route) ? route : null;
}

/**
 * WeChat's own tab bar cannot enlarge its labels: in 关怀模式 it is hidden and the tab pages
 * draw TabBar instead. Its visibility is the app's, not the page's, so every tab page sets it
 * when shown and when the mode changes.
 */
function useNativeTabBar(tab: RouteName | null, careMode: boolean) {
  const apply = () => {
    if (!tab) return;
    const done = careMode ? Taro.hideTabBar({ animation: false }) : Taro.showTabBar({ animation: false });
    void Promise.resolve(done).catch(() => undefined);
  };
  useEffect(apply, [tab, careMode]);
  useDidShow(apply);
}

/** Every page's root: applies the theme (关怀模式 or not) and makes sure the resident is logged in. */
export function PageShell({ children, className, requiresLogin = true }: Props) {
  const careMode = useSettings((s) => s.careMode);
  const phoneFontPx = useSettings((s) => s.phoneFontPx);
  const status = useSession((s) => s.status);
  const login = useSession((s) => s.login);
  const tab = tabRouteOf(useRouter().path);
  useNativeTabBar(tab, careMode);

  useEffect(() => {
    if (!requiresLogin || status !== 'idle') return;
    if (isLocalCloud && !devOpenid()) {
      redirect('devLogin');
      return;
    }
    void login();
  }, [requiresLogin, status, login]);

  const style = useMemo(() => cssVariables(themeFor(careMode, phoneFontPx)), [careMode, phoneFontPx]);
  const ownTabBar = careMode && tab !== null;
  // The theme is CSS variables on the page root, where NutUI's components and our styles read
  // them (NutUI's ConfigProvider would do the same, with lodash and its context in the first screen).
  return (
    <View
      className={pageClassName(careMode, [ownTabBar ? 'page--tab-bar' : '', className].join(' ').trim())}
      style={style}
    >
      {children}
      {ownTabBar && <TabBar current={tab} />}
    </View>
  );
}
