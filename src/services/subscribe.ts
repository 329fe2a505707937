/**
 * Subscribe messages need the resident's consent, one per message, asked during a tap.
 * Template ids come from the build's environment; without them (and on H5) nothing is asked.
 */
import Taro from '@tarojs/taro';

const TEMPLATE_IDS = (process.env.TARO_APP_REMINDER_TEMPLATES ?? '').split(',').filter(Boolean);

export async function askForReminders(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || TEMPLATE_IDS.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({
      tmplIds: TEMPLATE_IDS,
      entityIds: [],
    } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Declining reminders never blocks signing up.
  }
}
