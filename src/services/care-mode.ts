import { LARGE_PHONE_TEXT_PX } from '../theme/care';
import { useSession } from '../stores/session';
import { useSettings } from '../stores/settings';
import { call } from './cloud';
import { confirmStep, showError } from './feedback';

/** Switch 关怀模式 on this device at once, and on the resident's profile when logged in. */
export async function saveCareMode(enabled: boolean): Promise<void> {
  useSettings.getState().setCareMode(enabled);
  if (!useSession.getState().user) return;
  const res = await call('user', 'setCareMode', { enabled });
  if (res.ok) useSession.getState().setUser(res.data);
  else showError(res);
}

/** Whether the phone is set to large text (WeChat's standard is 16–17 px). */
export function phoneHasLargeText(phoneFontPx: number | undefined): boolean {
  return phoneFontPx !== undefined && phoneFontPx >= LARGE_PHONE_TEXT_PX;
}

/**
 * Whether to offer 关怀模式 now: once on first launch, and once more when the phone is set to
 * large text and the offer was declined while it was not. Never while it is on.
 */
export function careOfferDue(): boolean {
  const { careMode, careModeAsked, careModeAskedLargeText, phoneFontPx } = useSettings.getState();
  if (careMode) return false;
  return !careModeAsked || (phoneHasLargeText(phoneFontPx) && !careModeAskedLargeText);
}

/** The offer, in the platform's own dialog (on the phone it follows WeChat's text size). */
export async function offerCareMode(): Promise<void> {
  if (!careOfferDue()) return;
  const largeText = phoneHasLargeText(useSettings.getState().phoneFontPx);
  const accepted = await confirmStep({
    title: '需要大字体吗？',
    content: largeText
      ? '您的手机设置了大字体。开启「关怀模式」后，文字更大、颜色更清楚、按钮更好点。随时可在「我的」里更改。'
      : '开启「关怀模式」后，文字更大、颜色更清楚、按钮更好点。随时可在「我的」里更改。',
    confirmText: '开启',
    cancelText: '暂不需要',
  });
  useSettings.getState().markCareModeAsked(largeText);
  if (accepted) await saveCareMode(true);
}
