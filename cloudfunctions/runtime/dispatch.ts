import type { Result } from '../../core/errors';
import type { Deps } from './context';
import { isTimerEvent, type Job } from './jobs';
import type { Route } from './router';

/**
 * What CloudBase hands a function: a timer trigger, or a request from someone. A timer has
 * no caller, so anything that comes with an OPENID is a request, whatever its body claims —
 * otherwise any resident could run the scheduled jobs by sending `{Type: 'Timer'}`.
 */
export async function dispatch(
  event: unknown,
  openid: string | null,
  route: Route,
  jobs: readonly Job[],
  deps: Deps,
): Promise<Result<unknown>> {
  if (!openid && isTimerEvent(event)) {
    const job = jobs.find((j) => j.name === event.TriggerName);
    return job
      ? { ok: true, data: await job.run(deps) }
      : { ok: false, code: 'UNKNOWN_ACTION', message: '未知的定时任务' };
  }
  return route(event, openid ? { openid } : null, deps);
}
