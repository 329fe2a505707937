/**
 * The local cloud: the real cloud functions wired to the embedded database and local
 * platform stand-ins. The HTTP server, the tests and the benchmarks all start from here.
 */
import { isFunctionName, type FunctionName } from '../core/contract';
import { fail, type Result } from '../core/errors';
import type { Deps } from '../cloudfunctions/runtime/context';
import { connectDatabase } from '../cloudfunctions/runtime/db';
import { recordImageVerdict } from '../cloudfunctions/moderation/images';
import { systemClock, type Clock, type Deliver } from '../cloudfunctions/runtime/ports';
import { installStandIn, openLocalDatabase, type LocalDatabase } from './standin';
import { functions } from './functions';
import { LocalImageCheck, keywordContentCheck, localDelivery } from './ports';

export interface LocalCloud {
  deps: Deps;
  store: LocalDatabase;
  imageCheck: LocalImageCheck;
  /** Call `fn` as the user with `openid` (null: no identity), exactly as a client would. */
  invoke(fn: string, request: unknown, openid: string | null): Promise<Result<unknown>>;
  close(): void;
}

export interface LocalCloudOptions {
  file: string;
  /** Mean simulated database round trip (see server/standin/latency.ts). Default 0: yield only. */
  latencyMs?: number;
  clock?: Clock;
  deliver?: Deliver;
  /** Image verdicts arrive after this delay; null: only when `imageCheck.flush()` is called. */
  imageVerdictDelayMs?: number | null;
}

export function createLocalCloud(options: LocalCloudOptions): LocalCloud {
  const store = openLocalDatabase({ file: options.file, latencyMs: options.latencyMs });
  installStandIn(store);
  const db = connectDatabase();
  const clock = options.clock ?? systemClock;
  // `null` (tests) means verdicts land only on flush(); `??` would turn it into the default.
  const delay = options.imageVerdictDelayMs === undefined ? 200 : options.imageVerdictDelayMs;
  const imageCheck = new LocalImageCheck(undefined, delay);
  const deps: Deps = {
    db,
    clock,
    contentCheck: keywordContentCheck,
    imageCheck,
    deliver: options.deliver ?? localDelivery,
  };
  // Verdicts reach moderation as mediaCheckAsync's message push does in production.
  imageCheck.connect(async (traceId, verdict) => {
    await recordImageVerdict(deps, traceId, verdict);
  });
  return {
    deps,
    store,
    imageCheck,
    async invoke(fn, request, openid) {
      if (!isFunctionName(fn)) return fail('UNKNOWN_FUNCTION');
      return functions[fn as FunctionName].route(request, openid ? { openid } : null, deps);
    },
    close() {
      store.close();
    },
  };
}
