/**
 * Let a timer not keep the process alive. Node's timers have `unref`; jsdom's (the compiled
 * weapp's simulate tests run the local cloud there) are plain numbers.
 */
export function unref(timer: unknown): void {
  (timer as { unref?: () => void } | null)?.unref?.();
}
