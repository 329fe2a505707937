/**
 * When a page's data is loaded again: now (and whenever `load` changes, i.e. its input), when
 * the page is shown again, and on pull-down (`enablePullDownRefresh` in the page's config).
 * Shared by useCall and usePaged.
 */
import { useEffect, useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

export function useRefresh(load: () => Promise<void>, { onShow = true }: { onShow?: boolean } = {}): void {
  useEffect(() => {
    void load();
  }, [load]);

  // The first show is the page opening, which the effect above already loads for.
  const shown = useRef(false);
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true;
      return;
    }
    if (onShow) void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
}
