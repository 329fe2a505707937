import type { Result } from '../../core/errors';
import type { Deps } from './context';
import { isTimerEvent, type Job } from './jobs';
import { isPushEvent, type PushHandler } from './push';
import type { Route } from './router';

/**
 * What CloudBase hands a function: a timer trigger, a message push, or a request from someone.
 * Timers and pushes have no caller, so anything that comes with an OPENID is a request, whatever
 * its body claims — otherwise any resident could run the scheduled jobs by sending
 * `{Type: 'Timer'}`, or hide a neighbour's wish by sending a forged image verdict.
 */
export async function dispatch(
  event: unknown,
  openid: string | null,
  route: Route,
  jobs: readonly Job[],
  deps: Deps,
  pushes: readonly PushHandler[] = [],
): Promise<Result<unknown>> {
  if (!openid && isTimerEvent(event)) {
    const job = jobs.find((j) => j.name === event.TriggerName);
    return job
      ? { ok: true, data: await job.run(deps) }
      : { ok: false, code: 'UNKNOWN_ACTION', message: '未知的定时任务' };
  }
  if (!openid && isPushEvent(event)) {
    const push = pushes.find((p) => p.event === event.Event);
    return push
      ? { ok: true, data: await push.handle(event, deps) }
      : { ok: false, code: 'UNKNOWN_ACTION', message: '未知的消息推送' };
  }
  return route(event, openid ? { openid } : null, deps);
}
