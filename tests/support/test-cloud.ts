/** A fresh local cloud on an in-memory database, with a clock the test controls. */
import type { ActionName, FunctionName, InputOf, OutputOf, UserId } from '../../core/contract';
import type { Role } from '../../core/domain/roles';
import type { Result } from '../../core/errors';
import { inTransaction } from '../../cloudfunctions/runtime/db';
import { queueNotification } from '../../cloudfunctions/runtime/notifications';
import { ManualClock, type Deliver, type Notification } from '../../cloudfunctions/runtime/ports';
import { USERS, newUserFields, userIdForOpenid } from '../../cloudfunctions/runtime/users';
import { createLocalCloud, type LocalCloud } from '../../server/local-cloud';
import { latencyFromEnv } from '../../server/standin/latency';

/** 2026-11-23 10:00 in Shanghai. */
export const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

export interface TestCloud extends LocalCloud {
  clock: ManualClock;
  call<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    input: InputOf<F, A>,
  ): Promise<Result<OutputOf<F, A>>>;
  /** Call and unwrap; fails the test with the envelope when the action failed. */
  ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string,
    fn: F,
    action: A,
    input: InputOf<F, A>,
  ): Promise<OutputOf<F, A>>;
  /** A registered user holding exactly `roles` (plus resident). Returns their user id. */
  addUser(openid: string, roles?: Role[], nickname?: string): Promise<UserId>;
  count(collection: string, where?: object): Promise<number>;
  /** Queue a notification as a handler would, in a transaction of its own. */
  notify(message: Notification): Promise<void>;
}

export interface TestCloudOptions {
  deliver?: Deliver;
  /** Mean database round trip; default LLT_DB_LATENCY_MS or 0 (every request still yields). */
  latencyMs?: number;
}

export function startTestCloud(options: TestCloudOptions = {}): TestCloud {
  const clock = new ManualClock(T0);
  const cloud = createLocalCloud({
    file: ':memory:',
    clock,
    latencyMs: options.latencyMs ?? latencyFromEnv(0),
    deliver: options.deliver,
    // Image verdicts land only when a test calls cloud.imageCheck.flush().
    imageVerdictDelayMs: null,
  });
  const test: TestCloud = {
    ...cloud,
    clock,
    call: (openid, fn, action, input) =>
      cloud.invoke(fn, { action, input }, openid) as Promise<Result<never>>,
    async ok(openid, fn, action, input) {
      const res = await test.call(openid, fn, action, input);
      if (!res.ok) throw new Error(`${fn}.${action} failed: ${res.code} ${res.message}`);
      return res.data;
    },
    async addUser(openid, roles = [], nickname = openid) {
      const id = userIdForOpenid(openid);
      const fields = newUserFields(
        { openid, nickname, roles: ['resident', ...roles.filter((r) => r !== 'resident')] },
        clock.now(),
      );
      await cloud.deps.db.collection(USERS).doc(id).set({ data: fields });
      return id as UserId;
    },
    notify: (message) => inTransaction(cloud.deps.db, (tx) => queueNotification(tx, message, clock.now())),
    async count(collection, where = {}) {
      const res = (await cloud.deps.db.collection(collection).where(where).count()) as { total: number };
      return res.total;
    },
  };
  return test;
}
