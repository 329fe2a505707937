/**
 * Device settings. 关怀模式 is kept here before login (and offered on first launch);
 * once logged in it is saved to the resident's profile as well. The phone's own text size
 * (WeChat's 我 → 设置 → 通用 → 字体大小) is read once: 关怀模式 follows it, and a phone set to
 * large text is offered 关怀模式 again if it was declined before.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { readPhoneFontPx } from '../services/phone-font';

const CARE_KEY = 'care-mode';
const ASKED_KEY = 'care-mode-asked';
const ASKED_LARGE_KEY = 'care-mode-asked-large-text';

interface SettingsState {
  careMode: boolean;
  /** Whether the first-launch offer has been answered. */
  careModeAsked: boolean;
  /** Whether the offer was answered while the phone was set to large text. */
  careModeAskedLargeText: boolean;
  /** The phone's text size in px (WeChat's fontSizeSetting); undefined where there is none (H5). */
  phoneFontPx: number | undefined;
  setCareMode(enabled: boolean): void;
  markCareModeAsked(largeText: boolean): void;
}

function stored(key: string): boolean {
  try {
    return Taro.getStorageSync(key) === true;
  } catch {
    return false;
  }
}

export const useSettings = create<SettingsState>()((set) => ({
  careMode: stored(CARE_KEY),
  careModeAsked: stored(ASKED_KEY),
  careModeAskedLargeText: stored(ASKED_LARGE_KEY),
  phoneFontPx: readPhoneFontPx(),
  setCareMode(enabled) {
    Taro.setStorageSync(CARE_KEY, enabled);
    set({ careMode: enabled });
  },
  markCareModeAsked(largeText) {
    Taro.setStorageSync(ASKED_KEY, true);
    if (largeText) Taro.setStorageSync(ASKED_LARGE_KEY, true);
    set(largeText ? { careModeAsked: true, careModeAskedLargeText: true } : { careModeAsked: true });
  },
}));
