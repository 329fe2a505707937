/** Local stand-ins for WeChat's platform services. */
import { randomBytes } from 'crypto';
import { unref } from './timers';
import type { ContentCheck, ContentVerdict, Deliver, ImageCheck } from '../cloudfunctions/runtime/ports';

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

/**
 * Local uploads whose bytes carry this marker are stored as `risky-…` files, and the local image
 * check judges those risky: a way to try the "risky image is hidden later" path by hand and in tests.
 */
export const RISKY_IMAGE_MARKER = 'LLT-RISKY';

export function judgeLocalImage(fileId: string): ContentVerdict {
  return /(^|\/)risky-[^/]*$/.test(fileId) ? 'risky' : 'pass';
}

export type ImageVerdictSink = (traceId: string, verdict: ContentVerdict) => Promise<void>;

/**
 * mediaCheckAsync's local double: `submit` answers a trace id at once and the verdict follows
 * later, like WeChat's message push. With `delayMs` ≥ 0 it arrives by itself after that delay;
 * tests pass `null` and call `flush()` to decide exactly when verdicts land.
 */
export class LocalImageCheck implements ImageCheck {
  private readonly pending = new Map<string, string>();
  private sink: ImageVerdictSink | undefined;

  constructor(
    private readonly judge: (fileId: string) => ContentVerdict = judgeLocalImage,
    private readonly delayMs: number | null = 200,
  ) {}

  /** Where verdicts go (the moderation module's recordImageVerdict). */
  connect(sink: ImageVerdictSink): void {
    this.sink = sink;
  }

  async submit(fileId: string): Promise<{ traceId: string }> {
    const traceId = `local-${randomBytes(8).toString('hex')}`;
    this.pending.set(traceId, fileId);
    if (this.delayMs !== null) unref(setTimeout(() => void this.settle(traceId), this.delayMs));
    return { traceId };
  }

  /** Traces still waiting for their verdict. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Deliver every pending verdict now. */
  async flush(): Promise<void> {
    for (const traceId of [...this.pending.keys()]) await this.settle(traceId);
  }

  private async settle(traceId: string): Promise<void> {
    const fileId = this.pending.get(traceId);
    if (fileId === undefined || !this.sink) return;
    this.pending.delete(traceId);
    await this.sink(traceId, this.judge(fileId)).catch((error: unknown) => {
      console.error('[image check] verdict not recorded', error);
    });
  }
}

/**
 * Locally there is no subscribe-message channel: the 消息 list and the dev outbox page are
 * where a message "arrives", so every queued message counts as sent.
 */
export const localDelivery: Deliver = async () => 'sent';
