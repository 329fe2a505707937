/**
 * Counting a round. Tallies come from the stored ballots by aggregation — never from a counter on
 * the round that every ballot would write (a document 500 concurrent voters all write is a hot spot
 * where their transactions conflict). The count runs CLOSE_GRACE_MS after the end so every ballot
 * accepted before the end has committed; then the results are stored on the round and the 公示 runs.
 */
import { CLOSE_GRACE_MS, selectWinners, type Eligibility } from '../../core/domain/voting';
import { DAY_MS, type EpochMs } from '../../core/time';
import { inTransaction, type Database } from '../runtime/db';
import { countWhere } from '../runtime/count';
import { USERS } from '../runtime/users';
import { BALLOTS, OBJECTIONS, ROUNDS, findRound, type RoundDoc, type StoredResults } from './store';

type Aggregated<T> = { list: T[] };

/** Residents who may vote under `eligibility` — everyone registered, managed residents included. */
export async function countEligible(db: Database, eligibility: Eligibility): Promise<number> {
  // A closed account keeps its role on the anonymised document but can no longer vote.
  const where =
    eligibility === 'with_building'
      ? { roles: 'resident', closedAt: null, building: db.command.neq('') }
      : { roles: 'resident', closedAt: null };
  return countWhere(db, USERS, where);
}

/** Votes per proposal and ballots per channel, straight from the ballots. */
export async function tallyBallots(
  db: Database,
  roundId: string,
): Promise<{ votes: Record<string, number>; online: number; paper: number }> {
  const $ = db.command.aggregate;
  const [perProposal, perChannel] = (await Promise.all([
    db
      .collection(BALLOTS)
      .aggregate()
      .match({ roundId })
      .unwind('$choices')
      .group({ _id: '$choices', votes: $.sum(1) })
      .limit(1000)
      .end(),
    db
      .collection(BALLOTS)
      .aggregate()
      .match({ roundId })
      .group({ _id: '$channel', n: $.sum(1) })
      .end(),
  ])) as unknown as [Aggregated<{ _id: string; votes: number }>, Aggregated<{ _id: string; n: number }>];
  const channel = (name: string) => perChannel.list.find((row) => row._id === name)?.n ?? 0;
  return {
    votes: Object.fromEntries(perProposal.list.map((row) => [row._id, row.votes])),
    online: channel('online'),
    paper: channel('paper'),
  };
}

/** The results as the rule reads them from the ballots stored now (live, or the count at close). */
export async function countRound(db: Database, round: RoundDoc): Promise<StoredResults> {
  const [tally, eligible] = await Promise.all([
    tallyBallots(db, round._id),
    countEligible(db, round.eligibility),
  ]);
  return {
    entries: selectWinners(round.rule, round.menu, tally.votes),
    online: tally.online,
    paper: tally.paper,
    eligible,
  };
}

/** Count a round whose voting ended at least CLOSE_GRACE_MS ago and publish its results. */
export async function closeRound(db: Database, roundId: string, now: EpochMs): Promise<boolean> {
  const isDue = (r: RoundDoc | null): r is RoundDoc =>
    r !== null && r.status === 'open' && r.closedAt === null && now >= r.endAt + CLOSE_GRACE_MS;
  const round = await findRound(db, roundId);
  if (!isDue(round)) return false;
  const results = await countRound(db, round);
  return inTransaction(db, async (tx) => {
    const current = await findRound(tx, roundId);
    // A concurrent run closed it first: its results stand (they are the same ballots anyway).
    if (!isDue(current)) return false;
    await tx
      .collection(ROUNDS)
      .doc(roundId)
      .update({
        data: {
          closedAt: now,
          publicityEndsAt: now + current.publicityDays * DAY_MS,
          results,
          updatedAt: now,
        },
      });
    return true;
  });
}

/**
 * After the 公示 (and the grace that lets an objection filed at its last moment commit), with every
 * objection answered, the winners are final.
 */
export async function finalizeRound(db: Database, roundId: string, now: EpochMs): Promise<boolean> {
  const isDue = (r: RoundDoc | null): r is RoundDoc =>
    r !== null &&
    r.status === 'open' &&
    r.closedAt !== null &&
    r.finalizedAt === null &&
    now >= (r.publicityEndsAt ?? Infinity) + CLOSE_GRACE_MS;
  if (!isDue(await findRound(db, roundId))) return false;
  const open = (await db.collection(OBJECTIONS).where({ roundId, answeredAt: null }).count()) as unknown as {
    total: number;
  };
  if (open.total > 0) return false;
  return inTransaction(db, async (tx) => {
    if (!isDue(await findRound(tx, roundId))) return false;
    await tx
      .collection(ROUNDS)
      .doc(roundId)
      .update({ data: { finalizedAt: now, updatedAt: now } });
    return true;
  });
}
