/**
 * Requests that all change one hot document, decided in batches ("flat combining").
 *
 * When hundreds of residents act on one document at once — the seats of an event that just
 * opened, the stock of a goods item everyone wants — CloudBase lets one transaction hold the
 * document and fails the others with a conflict; they re-run one after another, and most of the
 * database's work is thrown away (bench/load.ts showed 300 sign-ups take over 6 s and a third
 * fail). Here a request first tries the plain way — one transaction on the hot document, the
 * usual case when nobody else is at it. If that conflicts, the request is queued as a document of
 * its own, which nobody else writes, and the queue is drained: one transaction locks the hot document first
 * (a concurrent drainer fails at once, before doing any work), takes the oldest waiting requests,
 * decides them in arrival order with the same pure rules, writes their outcomes and the hot
 * document once. A requester whose drain lost waits a moment and reads its answer. The hot
 * document stays the one place its invariant is decided, so that invariant is unchanged.
 */
import type { Job } from './jobs';
import { AppError, isErrorCode, type ErrorCode } from '../../core/errors';
import type { EpochMs } from '../../core/time';
import { findById, isTransactionConflict, type Database, type Doc, type Transaction } from './db';

/** What every queued request carries besides its own fields. */
export interface QueuedFields {
  /** The hot document it changes. */
  target: string;
  /** Arrival order; also the time business rules (deadlines) are held against. */
  requestedAt: EpochMs;
  status: 'waiting' | 'done';
  /** The answer: a success the queue defines, or the error code of why not. */
  outcome: string | null;
  /** The refusal's message, when the rule gave a more precise one than its code's. */
  message: string | null;
  decidedAt: EpochMs | null;
}

export interface Decision {
  outcome: string;
  message?: string;
}

export interface Combiner<R extends QueuedFields> {
  /** The collection requests wait in. */
  queue: string;
  /** The hot documents' collection. */
  collection: string;
  /** Requests one drain decides: bounded so one transaction stays small and quick. */
  batch: number;
  /**
   * Decide `requests` (still waiting, in arrival order) against `target` as read in `tx`,
   * writing whatever they change; return each one's outcome (by request id). The hot document
   * is locked already; write it last, once.
   */
  decide(tx: Transaction, target: string, requests: Doc<R>[], now: EpochMs): Promise<Map<string, Decision>>;
}

/** How long a requester waits for its answer: well inside the function timeout (10 s). */
const WAIT_BUDGET_MS = 6000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Lock the hot document first: a concurrent drainer conflicts here, before any other work. */
async function lockTarget(tx: Transaction, collection: string, target: string, now: EpochMs) {
  await tx
    .collection(collection)
    .doc(target)
    .update({ data: { updatedAt: now } });
}

async function decideBatch<R extends QueuedFields>(
  tx: Transaction,
  combiner: Combiner<R>,
  target: string,
  ids: string[],
  now: EpochMs,
): Promise<void> {
  await lockTarget(tx, combiner.collection, target, now);
  const found: (Doc<R> | null)[] = await Promise.all(ids.map((id) => findById<R>(tx, combiner.queue, id)));
  const requests = found.filter((r): r is Doc<R> => r !== null && r.status === 'waiting');
  if (requests.length === 0) return;
  const decisions = await combiner.decide(tx, target, requests, now);
  await Promise.all(
    requests.map((r) => {
      const decision = decisions.get(r._id) ?? { outcome: 'INTERNAL' };
      return tx
        .collection(combiner.queue)
        .doc(r._id)
        .update({
          data: {
            status: 'done',
            outcome: decision.outcome,
            message: decision.message ?? null,
            decidedAt: now,
          },
        });
    }),
  );
}

/**
 * Decide the oldest waiting requests for `target`. 'busy' when another drain holds it (this one
 * conflicted and changed nothing); 'empty' when nothing waits.
 */
export async function drain<R extends QueuedFields>(
  db: Database,
  combiner: Combiner<R>,
  target: string,
  now: EpochMs,
): Promise<'drained' | 'busy' | 'empty'> {
  const res = (await db
    .collection(combiner.queue)
    .where({ target, status: 'waiting' })
    .orderBy('requestedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(combiner.batch)
    .get()) as unknown as { data: Doc<R>[] };
  if (res.data.length === 0) return 'empty';
  const ids = res.data.map((r) => r._id);
  try {
    await db.runTransaction((tx: Transaction) => decideBatch(tx, combiner, target, ids, now), 0);
    return 'drained';
  } catch (error) {
    if (isTransactionConflict(error)) return 'busy';
    throw error;
  }
}

/**
 * Who drains a queue. Not needed for correctness (the drain transaction locks the hot document),
 * but without it every waiting requester would keep starting drains that conflict. Leases are
 * measured in wall-clock time: they are about a process being alive, not about business time.
 */
export const QUEUE_LEASES = 'queue_leases';
const LEASE_MS = 1500;

interface LeaseFields {
  holder: string;
  until: number;
}

const leaseIdOf = (combiner: Combiner<QueuedFields>, target: string) => `${combiner.queue}_${target}`;

async function takeLease(db: Database, leaseId: string, holder: string): Promise<boolean> {
  const seen = await findById<LeaseFields>(db, QUEUE_LEASES, leaseId);
  if (seen && seen.until > Date.now()) return false;
  try {
    return await db.runTransaction(async (tx: Transaction) => {
      const lease = await findById<LeaseFields>(tx, QUEUE_LEASES, leaseId);
      if (lease && lease.until > Date.now()) return false;
      await tx
        .collection(QUEUE_LEASES)
        .doc(leaseId)
        .set({ data: { holder, until: Date.now() + LEASE_MS } });
      return true;
    }, 0);
  } catch (error) {
    if (isTransactionConflict(error)) return false;
    throw error;
  }
}

async function setLease(db: Database, leaseId: string, holder: string, until: number): Promise<void> {
  await db.collection(QUEUE_LEASES).where({ _id: leaseId, holder }).update({ data: { until } });
}

/** Drain batch after batch, renewing the lease, until nothing waits or time is up. */
async function drainAll<R extends QueuedFields>(
  db: Database,
  combiner: Combiner<R>,
  target: string,
  now: EpochMs,
  deadline: number,
): Promise<void> {
  const leaseId = leaseIdOf(combiner, target);
  const holder = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  if (!(await takeLease(db, leaseId, holder))) return;
  try {
    while (Date.now() < deadline) {
      const result = await drain(db, combiner, target, now);
      if (result === 'empty') break;
      if (result === 'busy') await sleep(10 + Math.random() * 20);
      await setLease(db, leaseId, holder, Date.now() + LEASE_MS);
    }
  } finally {
    await setLease(db, leaseId, holder, 0);
  }
}

/**
 * Put `request` in the queue under `id`, in one request when it is new. A twin still waiting
 * (a double tap, a retry) is joined, not replaced; an old answer under the same id is replaced.
 */
async function enqueue<R extends QueuedFields>(db: Database, combiner: Combiner<R>, id: string, request: R) {
  const queue = db.collection(combiner.queue);
  try {
    await queue.add({ data: { _id: id, ...request } });
    return;
  } catch (error) {
    if (!/duplicate key/.test(String((error as { errMsg?: string }).errMsg ?? error))) throw error;
  }
  // Only an answered request is replaced; if a twin re-queued it meanwhile, this joins the twin.
  await queue.where({ _id: id, status: 'done' }).update({ data: { ...request } });
}

/**
 * The usual case, nobody else on the hot document: one transaction decides the request with the
 * same rule a batch uses, and nothing is queued. Null when that transaction conflicted — others
 * are at it too — and the request should queue.
 */
async function decideAlone<R extends QueuedFields>(
  db: Database,
  combiner: Combiner<R>,
  id: string,
  request: R,
  now: EpochMs,
): Promise<Doc<R> | null> {
  try {
    return await db.runTransaction(async (tx: Transaction) => {
      await lockTarget(tx, combiner.collection, request.target, now);
      const single = { _id: id, ...request } as Doc<R>;
      const decision = (await combiner.decide(tx, request.target, [single], now)).get(id) ?? {
        outcome: 'INTERNAL',
      };
      return {
        ...single,
        status: 'done',
        outcome: decision.outcome,
        message: decision.message ?? null,
        decidedAt: now,
      };
    }, 0);
  } catch (error) {
    if (isTransactionConflict(error)) return null;
    throw error;
  }
}

/**
 * Decide `request`: at once when the hot document is free, else queued under `id` (a retry of
 * a request still waiting joins it instead) until its outcome. Whoever holds the queue's lease drains it; everyone else only reads their own
 * answer, so a rush costs each requester a few reads instead of a storm of conflicting
 * transactions. When the drainer goes away its lease runs out and a waiting requester takes over.
 */
export async function submit<R extends QueuedFields>(
  db: Database,
  combiner: Combiner<R>,
  id: string,
  request: R,
  now: EpochMs,
): Promise<Doc<R>> {
  // While a queue is being drained, a direct attempt would only take the lock from the drainer.
  const draining = await findById<LeaseFields>(db, QUEUE_LEASES, leaseIdOf(combiner, request.target));
  if (!draining || draining.until <= Date.now()) {
    const alone = await decideAlone(db, combiner, id, request, now);
    if (alone) return alone;
  }
  await enqueue(db, combiner, id, request);
  const deadline = Date.now() + WAIT_BUDGET_MS;
  // A moment's pause lets the requests of a rush gather, so one drain decides many of them.
  await sleep(Math.random() * 20);
  for (let round = 0; ; round += 1) {
    await drainAll(db, combiner, request.target, now, deadline);
    const current = await findById<R>(db, combiner.queue, id);
    // Answered requests stay a while, so a twin of this one (a double tap) reads the same
    // answer; purgeAnswered clears them.
    if (current?.status === 'done') return current;
    if (Date.now() > deadline) {
      // Still queued: it will be decided, and a retry under the same id reads that answer.
      throw new AppError('CONFLICT', '排队的人较多，请稍后刷新查看结果');
    }

    await sleep(20 + Math.random() * Math.min(300, 30 * 2 ** round));
  }
}

/** Requests left waiting because their requester went away before an answer (a crash, a timeout). */
export async function drainAbandoned<R extends QueuedFields>(
  db: Database,
  combiner: Combiner<R>,
  now: EpochMs,
): Promise<number> {
  const res = (await db
    .collection(combiner.queue)
    .where({ status: 'waiting' })
    .orderBy('requestedAt', 'asc')
    .limit(100)
    .get()) as unknown as { data: Doc<R>[] };
  let drained = 0;
  for (const target of new Set(res.data.map((r) => r.target))) {
    for (;;) {
      const result = await drain(db, combiner, target, now);
      if (result === 'empty') break;
      if (result === 'busy') await sleep(50);
      else drained += 1;
    }
  }
  return drained;
}

/** Throws the refusal of a decided request; returns when its outcome is one of `successes`. */
export function assertDecidedFor(request: QueuedFields, successes: readonly string[]): void {
  if (request.outcome !== null && successes.includes(request.outcome)) return;
  const code: ErrorCode = isErrorCode(request.outcome) ? request.outcome : 'INTERNAL';
  throw new AppError(code, request.message ?? undefined);
}

/** A rule's refusal as a decision; anything that is not an AppError is a bug and propagates. */
export function refusal(error: unknown): Decision {
  if (error instanceof AppError) return { outcome: error.code, message: error.message };
  throw error;
}

/** How long an answered request is kept for twins and retries to read. */
export const ANSWER_KEPT_MS = 10 * 60_000;

/** Remove answered requests older than ANSWER_KEPT_MS (the queue stays small and quick to scan). */
export async function purgeAnswered<R extends QueuedFields>(
  db: Database,
  combiner: Combiner<R>,
  now: EpochMs,
): Promise<number> {
  const res = (await db
    .collection(combiner.queue)
    .where({ status: 'done', decidedAt: db.command.lt(now - ANSWER_KEPT_MS) })
    .remove()) as { stats?: { removed?: number } };
  return res.stats?.removed ?? 0;
}

/**
 * The queue's scheduled care: decide requests whose requester went away before its answer (a
 * crash, a timeout), and clear old answers.
 */
export function maintenanceJob<R extends QueuedFields>(name: string, combiner: Combiner<R>): Job {
  return {
    name,
    cron: '0 * * * * * *',
    everyMs: 60_000,
    async run({ db, clock }) {
      const drained = await drainAbandoned(db, combiner, clock.now());
      const purged = await purgeAnswered(db, combiner, clock.now());
      return `${combiner.queue}: drained ${drained} abandoned batches, purged ${purged} answers`;
    },
  };
}
