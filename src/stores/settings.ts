/**
 * Device settings. 关怀模式 is kept here before login (and offered on first launch);
 * once logged in it is saved to the resident's profile as well.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';

const CARE_KEY = 'care-mode';
const ASKED_KEY = 'care-mode-asked';

interface SettingsState {
  careMode: boolean;
  /** Whether the first-launch offer has been answered. */
  careModeAsked: boolean;
  setCareMode(enabled: boolean): void;
  markCareModeAsked(): void;
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
  setCareMode(enabled) {
    Taro.setStorageSync(CARE_KEY, enabled);
    set({ careMode: enabled });
  },
  markCareModeAsked() {
    Taro.setStorageSync(ASKED_KEY, true);
    set({ careModeAsked: true });
  },
}));
