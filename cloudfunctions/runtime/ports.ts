/**
 * Platform services the features need, behind small interfaces so that production
 * (WeChat openapi, subscribe messages, timer triggers) and the local cloud (keyword list,
 * an outbox collection, a clock the tests drive) plug in the same way.
 */
import type { EpochMs } from '../../core/time';

export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheck {
  /** Judge user-written text before it is stored or shown to neighbours. */
  checkText(text: string, openid: string | null): Promise<ContentVerdict>;
}

/**
 * Images are judged asynchronously (production: `security.mediaCheckAsync`, whose verdict
 * arrives minutes later as a `wxa_media_check` message push). `submit` only asks; the verdict
 * reaches the app through `recordImageVerdict` (see moderation), keyed by the trace id.
 */
export interface ImageCheck {
  submit(fileId: string, openid: string | null): Promise<{ traceId: string }>;
}

export interface Notification {
  userId: string;
  /** Which message this is, e.g. `application_decided`; maps to a subscribe template in production. */
  template: string;
  title: string;
  body: string;
  /** The page the message opens. */
  page?: string;
  /** Makes the message once-only: the same key is never queued twice (see queueNotification). */
  key?: string;
}

/**
 * Sends one queued message through the platform channel (a subscribe message in production).
 * `skipped` means there is no channel for it; a rejection or `failed` is retried later.
 */
export type Deliver = (message: Notification & { _id: string }) => Promise<'sent' | 'skipped' | 'failed'>;

export interface Clock {
  now(): EpochMs;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests set and advance explicitly. */
export class ManualClock implements Clock {
  constructor(private current: EpochMs) {}
  now(): EpochMs {
    return this.current;
  }
  set(ms: EpochMs): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
