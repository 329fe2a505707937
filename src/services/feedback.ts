/** Short feedback after an action, in the platform's own toast, and the confirm step before one. */
import Taro from '@tarojs/taro';
import type { Fail } from '@core/errors';

export function showError(failure: Pick<Fail, 'message'>): void {
  void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 });
}

export function showDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}

export interface ConfirmOptions {
  title: string;
  content: string;
  /** Names the act, e.g. 确认发放; the default 确定 says nothing. */
  confirmText?: string;
  /** The way out; 取消 unless declining means something else (暂不需要). */
  cancelText?: string;
}

/**
 * The last look before an irreversible or money-like act (approve, adjust points, 核销…). The
 * platform's modal, so it is the same on old phones and in H5.
 */
export async function confirmStep({
  title,
  content,
  confirmText = '确定',
  cancelText = '取消',
}: ConfirmOptions): Promise<boolean> {
  try {
    const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText });
    return confirm;
  } catch {
    return false;
  }
}
