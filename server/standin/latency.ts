/**
 * What a network round trip does to a request: it yields, and it takes time. CloudBase's
 * database is a remote service, so concurrent function instances interleave at every request;
 * a stand-in that answered in-process without yielding would hide every race (a read outside a
 * transaction, a guard read but not written) behind accidental serial execution.
 *
 * Half the round trip passes before the request is served and half after, each jittered around
 * the mean (×0.5–×1.5). A mean of 0 still yields to the event loop on both sides.
 */
/** setImmediate where there is one (Node); jsdom test environments have only timers. */
const nextTurn: (resolve: () => void) => void =
  typeof setImmediate === 'function'
    ? (resolve) => setImmediate(resolve)
    : (resolve) => setTimeout(resolve, 0);

export class Latency {
  constructor(readonly meanMs: number) {
    if (!Number.isFinite(meanMs) || meanMs < 0) throw new RangeError(`latency must be ≥ 0 ms, got ${meanMs}`);
  }

  /** Before the request reaches the database. */
  outbound(): Promise<void> {
    return this.half();
  }

  /** Before the answer reaches the caller. */
  inbound(): Promise<void> {
    return this.half();
  }

  private half(): Promise<void> {
    if (this.meanMs === 0) return new Promise<void>(nextTurn);
    const ms = (this.meanMs / 2) * (0.5 + Math.random());
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** `LLT_DB_LATENCY_MS` when set (e.g. `10` for a CloudBase-like figure), else `fallback`. */
export function latencyFromEnv(fallback: number): number {
  const raw = process.env.LLT_DB_LATENCY_MS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`LLT_DB_LATENCY_MS must be a number ≥ 0, got "${raw}"`);
  return ms;
}
