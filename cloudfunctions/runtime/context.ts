/** What every handler receives besides its validated input. */
import type { Role } from '../../core/domain/roles';
import type { EpochMs } from '../../core/time';
import type { Database } from './db';
import type { Clock, ContentCheck, Deliver, ImageCheck } from './ports';
import type { UserDoc } from './users';

/** The platform a function runs on: injected so tests and the local cloud swap it whole. */
export interface Deps {
  db: Database;
  clock: Clock;
  contentCheck: ContentCheck;
  imageCheck: ImageCheck;
  /** The channel queued notifications are delivered through (see runtime/notifications.ts). */
  deliver: Deliver;
}

/** Who is calling. It comes from the cloud context (OPENID), never from the request body. */
export interface Identity {
  openid: string;
}

export interface HandlerContext extends Deps {
  caller: UserDoc;
  roles: readonly Role[];
  /** True on the call that registered the caller. */
  callerIsNew: boolean;
  /** The request's time, read once so one action sees one instant. */
  now: EpochMs;
  openid: string;
}
