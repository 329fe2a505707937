/** Local stand-ins for WeChat's platform services. */
import type { ContentCheck } from '../cloudfunctions/runtime/ports';

/**
 * A short keyword list in place of msgSecCheck, enough to exercise the rejection path.
 * Production uses WeChat's own check.
 */
export const BLOCKED_WORDS = ['赌博', '色情', '毒品', '代开发票', '违禁词'];

export const keywordContentCheck: ContentCheck = {
  async checkText(text) {
    return BLOCKED_WORDS.some((word) => text.includes(word)) ? 'risky' : 'pass';
  },
};
