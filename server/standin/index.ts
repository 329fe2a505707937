/**
 * Embedded stand-in for the CloudBase document database.
 *
 * Cloud functions keep using the real wx-server-sdk API; once `installStandIn` has run,
 * every database request the SDK would send to CloudBase is answered by a local SQLite
 * file instead (see docs/standin.md for what is served and how it differs).
 *
 *   const local = openLocalDatabase({ file: '.data/db.sqlite' });
 *   installStandIn(local);
 *   cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
 *   const db = cloud.database(); // served locally, no credentials or network needed
 *
 * No environment variables are needed: node-sdk reads credentials and the env id only
 * inside the HTTP requester that the stand-in replaces.
 */
import {
  type LocalDatabase,
  type OpenOptions,
  openLocalDatabase as open,
  SqliteLocalDatabase,
} from './local-database';
import { guardTransactions } from './refusals';
import { routeSdkTo } from './sdk-hook';

export type { LocalDatabase, OpenOptions } from './local-database';
export { StandInError } from './errors';

/** Creates parent directories; the file is in WAL mode with synchronous=FULL. */
export function openLocalDatabase(opts: OpenOptions): LocalDatabase {
  return open(opts);
}

/** Route every wx-server-sdk database request in this process to `local`. Idempotent; a second call switches target. */
export function installStandIn(local: LocalDatabase): void {
  if (!(local instanceof SqliteLocalDatabase)) {
    throw new TypeError('installStandIn() needs a database returned by openLocalDatabase()');
  }
  routeSdkTo(local);
  guardTransactions();
}
