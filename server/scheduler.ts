/** Runs every function's jobs on an interval, as CloudBase timer triggers would. */
import type { Deps } from '../cloudfunctions/runtime/context';
import { functions } from './functions';

export function startScheduler(deps: Deps, log: (line: string) => void = console.log): () => void {
  const timers = Object.entries(functions).flatMap(([fn, { jobs }]) =>
    jobs.map((job) =>
      setInterval(() => {
        job.run(deps).then(
          (report) => log(`[job ${fn}.${job.name}] ${report}`),
          (error: unknown) => log(`[job ${fn}.${job.name}] failed: ${String(error)}`),
        );
      }, job.everyMs),
    ),
  );
  return () => timers.forEach(clearInterval);
}
