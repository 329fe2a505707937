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

export interface Notification {
  userId: string;
  /** Which message this is, e.g. `application_decided`; maps to a subscribe template in production. */
  template: string;
  title: string;
  body: string;
  /** The page the message opens. */
  page?: string;
}

export interface Notifier {
  notify(message: Notification): Promise<void>;
}

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
