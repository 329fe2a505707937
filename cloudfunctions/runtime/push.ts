/**
 * Message pushes (消息推送) WeChat delivers to a cloud function once the console routes an event
 * type there, e.g. mediaCheckAsync's `wxa_media_check` verdict. Like a timer, a push has no
 * caller: dispatch hands a push to its handler only when the request carries no OPENID.
 */
import type { Deps } from './context';

export interface PushHandler {
  /** The push's `Event`, as configured in the console (消息类型 event, 事件类型 …). */
  event: string;
  /** Must be safe to receive twice: WeChat retries a push it thinks was not received. */
  handle(body: unknown, deps: Deps): Promise<string>;
}

export interface PushEvent {
  MsgType: 'event';
  Event: string;
}

export function isPushEvent(event: unknown): event is PushEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { MsgType?: unknown }).MsgType === 'event' &&
    typeof (event as { Event?: unknown }).Event === 'string'
  );
}
