/**
 * Scheduled work. On CloudBase a timer trigger calls the function with
 * `{ Type: 'Timer', TriggerName }`; the local cloud runs the same job on its own clock,
 * and tests call `run` directly with a clock they control.
 */
import type { Deps } from './context';

export interface Job {
  name: string;
  /** CloudBase timer trigger (seven fields: second minute hour day month weekday year). */
  cron: string;
  /** How often the local cloud runs it. */
  everyMs: number;
  /** Must be safe to run twice or concurrently: it may race a person doing the same thing. */
  run(deps: Deps): Promise<string>;
}

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { Type?: unknown }).Type === 'Timer' &&
    typeof (event as { TriggerName?: unknown }).TriggerName === 'string'
  );
}
