/**
 * The phone's text size (WeChat's 我 → 设置 → 通用 → 字体大小), in px: getAppBaseInfo on base
 * library 2.20.1 and later, getSystemInfoSync before. H5 has its own file (phone-font.h5.ts):
 * a browser has no such setting, and Taro's H5 answers NaN after loading a user-agent parser.
 */
import Taro from '@tarojs/taro';

export function readPhoneFontPx(): number | undefined {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync();
    const px = (info as { fontSizeSetting?: number }).fontSizeSetting;
    return typeof px === 'number' && Number.isFinite(px) && px > 0 ? px : undefined;
  } catch {
    return undefined;
  }
}
