/** Short feedback after an action, in the platform's own toast. */
import Taro from '@tarojs/taro';
import type { Fail } from '@core/errors';

export function showError(failure: Pick<Fail, 'message'>): void {
  void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 });
}

export function showDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}
