/**
 * The local cloud's stand-in for WeChat login: the H5 build picks a seeded demo user and
 * sends its openid in `x-dev-openid`, which only the local server honours.
 */
import Taro from '@tarojs/taro';

const KEY = 'dev-openid';

/** The header the local server reads the demo identity from (server/http.ts). */
export const DEV_OPENID_HEADER = 'x-dev-openid';

export function devOpenid(): string {
  return (Taro.getStorageSync(KEY) as string) || '';
}

export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(KEY, openid);
}

export function clearDevOpenid(): void {
  Taro.removeStorageSync(KEY);
}

/** True where the app talks to the local cloud rather than CloudBase. */
export const isLocalCloud = process.env.TARO_ENV === 'h5';
