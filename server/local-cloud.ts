/**
 * The local cloud: the real cloud functions wired to the embedded database and local
 * platform stand-ins. The HTTP server, the tests and the benchmarks all start from here.
 */
import { isFunctionName, type FunctionName } from '../core/contract';
import { fail, type Result } from '../core/errors';
import type { Deps } from '../cloudfunctions/runtime/context';
import { connectDatabase } from '../cloudfunctions/runtime/db';
import { outboxNotifier } from '../cloudfunctions/runtime/notifications';
import { systemClock, type Clock } from '../cloudfunctions/runtime/ports';
import { installStandIn, openLocalDatabase, type LocalDatabase } from './standin';
import { functions } from './functions';
import { keywordContentCheck } from './ports';

export interface LocalCloud {
  deps: Deps;
  store: LocalDatabase;
  /** Call `fn` as the user with `openid` (null: no identity), exactly as a client would. */
  invoke(fn: string, request: unknown, openid: string | null): Promise<Result<unknown>>;
  close(): void;
}

export function createLocalCloud(options: { file: string; clock?: Clock }): LocalCloud {
  const store = openLocalDatabase({ file: options.file });
  installStandIn(store);
  const db = connectDatabase();
  const clock = options.clock ?? systemClock;
  const deps: Deps = {
    db,
    clock,
    contentCheck: keywordContentCheck,
    notifier: outboxNotifier(db, clock),
  };
  return {
    deps,
    store,
    async invoke(fn, request, openid) {
      if (!isFunctionName(fn)) return fail('UNKNOWN_FUNCTION');
      return functions[fn as FunctionName].route(request, openid ? { openid } : null, deps);
    },
    close() {
      store.close();
    },
  };
}
