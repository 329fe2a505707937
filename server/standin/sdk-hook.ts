/**
 * The one seam between the real SDK and the stand-in.
 *
 * Every Query/Document/Transaction/Aggregation in @cloudbase/database does
 * `new Db.reqClass(config).send(api, params)`. node-sdk assigns its HTTP requester to
 * `Db.reqClass` on every `database()` call, so a plain assignment would be undone; we
 * replace the property with a getter that always yields our requester and a setter that
 * ignores node-sdk. With that in place `cloud.init()` + `cloud.database()` need no
 * credentials, env id or network: those are only used inside the replaced requester.
 */
import { Db } from '@cloudbase/database';
import { StandInError } from './errors';
import type { ResponseBody } from './protocol';

export interface RequestServer {
  serve(api: string, params: unknown): Promise<ResponseBody>;
}

/** Looked up per request, so installing another database re-routes existing SDK objects too. */
let target: RequestServer | undefined;

/** Same contract as node-sdk's TcbDBApiHttpRequester; its constructor's config is irrelevant here. */
export class StandInRequester {
  send(api: string, params?: unknown): Promise<ResponseBody> {
    if (!target) return Promise.reject(new StandInError('no local database is installed'));
    return target.serve(api, params);
  }
}

export function routeSdkTo(server: RequestServer): void {
  target = server;
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => StandInRequester,
    set: () => {
      // node-sdk's newDb() assigns TcbDBApiHttpRequester here on every database() call.
    },
  });
}
