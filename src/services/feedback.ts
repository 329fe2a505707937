/** Short feedback after an action, in the platform's own toast, and the confirm step before one. */
import type { Fail } from '@core/errors';
import type * as PlatformDialogs from './platform-dialogs';

type Dialogs = typeof PlatformDialogs;

/** H5 fetches the dialogs' chunk on first use; the mini-program loads no chunk at run time. */
function dialogs(): Promise<Dialogs> {
  if (process.env.TARO_ENV === 'h5') return import('./platform-dialogs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  return Promise.resolve(require('./platform-dialogs') as Dialogs);
}

export function showError(failure: Pick<Fail, 'message'>): void {
  void dialogs().then(({ toast }) => toast({ title: failure.message, icon: 'none', duration: 2500 }));
}

export function showDone(title: string): void {
  void dialogs().then(({ toast }) => toast({ title, icon: 'success', duration: 1500 }));
}

/** A short note that needs no icon (e.g. a feature not open yet). */
export function showNote(title: string): void {
  void dialogs().then(({ toast }) => toast({ title, icon: 'none', duration: 2000 }));
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
    const { confirm } = await (await dialogs()).modal({ title, content, confirmText, cancelText });
    return confirm;
  } catch {
    return false;
  }
}
