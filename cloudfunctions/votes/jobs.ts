/**
 * One scheduled job moves rounds along — counts those that ended, finalizes those whose 公示 is
 * over — and tells the participants; another invites ratings of completed projects. Every step is
 * decided on the document it changes and every message is once-only, so two runs at once, or a run
 * after a crash, do each thing once. Telling thousands of voters can outlast one run (a function's
 * time limit), so it goes a page of ballots at a time and keeps its place on the document.
 */
import { CLOSE_GRACE_MS } from '../../core/domain/voting';
import { MINUTE_MS, type EpochMs } from '../../core/time';
import { findAll, inTransaction, type Database } from '../runtime/db';
import type { Job } from '../runtime/jobs';
import { queueNotification } from '../runtime/notifications';
import { forEachLimit } from '../runtime/parallel';
import type { Notification } from '../runtime/ports';
import { notices } from './notices';
import { projectParticipants } from './projects';
import { closeRound, finalizeRound } from './results';
import {
  BALLOTS,
  PROJECTS,
  ROUNDS,
  type BallotFields,
  type ProjectFields,
  type RoundDoc,
  type RoundFields,
} from './store';

const PAGE = 100;

/** One message per person, each queued in a small transaction of its own and once-only by its key. */
async function notifyEach(
  db: Database,
  userIds: readonly string[],
  message: (userId: string) => Notification,
  now: EpochMs,
): Promise<void> {
  await forEachLimit([...new Set(userIds)], 8, (userId) =>
    inTransaction(db, (tx) => queueNotification(tx, message(userId), now)),
  );
}

/**
 * Tell every voter of a round, a page of ballots at a time in id order, saving after each page the
 * last ballot reached (`save`), so a run cut short goes on from `cursor` instead of starting over.
 */
export async function tellVoters(
  db: Database,
  roundId: string,
  cursor: string | null,
  message: (userId: string) => Notification,
  now: EpochMs,
  save: (cursor: string) => Promise<void>,
): Promise<void> {
  const _ = db.command;
  let after = cursor ?? '';
  for (;;) {
    const page = (
      (await db
        .collection(BALLOTS)
        .where({ roundId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE)
        .field({ userId: true })
        .get()) as unknown as { data: (Pick<BallotFields, 'userId'> & { _id: string })[] }
    ).data;
    await notifyEach(
      db,
      page.map((b) => b.userId),
      message,
      now,
    );
    if (page.length < PAGE) return;
    after = page[page.length - 1]._id;
    await save(after);
  }
}

const winnersOf = (round: RoundDoc) =>
  (round.results?.entries ?? []).filter((e) => e.outcome === 'won').map((e) => e.proposalId);

/** Voters first, then the authors of the proposals on the menu; then the notice is marked sent. */
async function tell(
  db: Database,
  round: RoundDoc,
  kind: 'publishedNoticeAt' | 'finalNoticeAt',
  now: EpochMs,
) {
  const notice = kind === 'publishedNoticeAt' ? notices.resultsPublished : notices.resultsFinal;
  const message = (userId: string) => notice(round, userId, winnersOf(round));
  const doc = db.collection(ROUNDS).doc(round._id);
  await tellVoters(db, round._id, round.noticeCursor, message, now, async (cursor) => {
    await doc.update({ data: { noticeCursor: cursor } });
  });
  await notifyEach(
    db,
    round.menu.map((m) => m.authorId),
    message,
    now,
  );
  await doc.update({ data: { [kind]: now, noticeCursor: null } });
}

async function roundsWhere(db: Database, where: object): Promise<RoundDoc[]> {
  return findAll<RoundFields>(db.collection(ROUNDS).where(where), 100);
}

export async function advanceRounds(db: Database, now: EpochMs): Promise<string> {
  const _ = db.command;
  let closed = 0;
  let finalized = 0;
  for (const r of await roundsWhere(db, {
    status: 'open',
    closedAt: null,
    endAt: _.lte(now - CLOSE_GRACE_MS),
  })) {
    if (await closeRound(db, r._id, now)) closed += 1;
  }
  const inPublicity = { status: 'open', closedAt: _.neq(null), finalizedAt: null };
  for (const r of await roundsWhere(db, { ...inPublicity, publicityEndsAt: _.lte(now - CLOSE_GRACE_MS) })) {
    if (await finalizeRound(db, r._id, now)) finalized += 1;
  }
  const published = await roundsWhere(db, { status: 'open', closedAt: _.neq(null), publishedNoticeAt: null });
  for (const r of published) await tell(db, r, 'publishedNoticeAt', now);
  // The final notice follows the published one, so the two never share the cursor.
  const final = await roundsWhere(db, {
    status: 'open',
    finalizedAt: _.neq(null),
    publishedNoticeAt: _.neq(null),
    finalNoticeAt: null,
  });
  for (const r of final) await tell(db, r, 'finalNoticeAt', now);
  return `closed ${closed}, finalized ${finalized}, told ${published.length + final.length} rounds`;
}

export async function inviteRatings(db: Database, now: EpochMs): Promise<string> {
  const done = await findAll<ProjectFields>(
    db.collection(PROJECTS).where({ status: 'completed', ratingInviteAt: null }),
    100,
  );
  for (const project of done) {
    const message = (userId: string) => notices.projectCompleted(project, userId);
    const doc = db.collection(PROJECTS).doc(project._id);
    await tellVoters(db, project.roundId, project.inviteCursor, message, now, async (cursor) => {
      await doc.update({ data: { inviteCursor: cursor } });
    });
    await notifyEach(db, await projectParticipants(db, project._id), message, now);
    await doc.update({ data: { ratingInviteAt: now, inviteCursor: null } });
  }
  return `invited ratings for ${done.length} projects`;
}

export const advanceRoundsJob: Job = {
  name: 'advanceRounds',
  cron: '0 * * * * * *',
  everyMs: MINUTE_MS,
  run: ({ db, clock }) => advanceRounds(db, clock.now()),
};

export const inviteRatingsJob: Job = {
  name: 'inviteRatings',
  cron: '0 */10 * * * * *',
  everyMs: 10 * MINUTE_MS,
  run: ({ db, clock }) => inviteRatings(db, clock.now()),
};

export const votesJobs: readonly Job[] = [advanceRoundsJob, inviteRatingsJob];
