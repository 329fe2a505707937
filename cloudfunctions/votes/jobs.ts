/**
 * One scheduled job moves rounds along — counts those that ended, finalizes those whose 公示 is
 * over — and tells the participants; it also invites ratings of completed projects. Every step is
 * decided on the document it changes and every message is once-only, so two runs at once, or a run
 * after a crash, do each thing once.
 */
import { CLOSE_GRACE_MS } from '../../core/domain/voting';
import { MINUTE_MS, type EpochMs } from '../../core/time';
import { findAll, type Database } from '../runtime/db';
import type { Job } from '../runtime/jobs';
import { notices } from './notices';
import { projectParticipants } from './projects';
import { closeRound, finalizeRound, notifyEach, votersOf } from './results';
import { PROJECTS, ROUNDS, type ProjectFields, type RoundDoc, type RoundFields } from './store';

async function roundsWhere(db: Database, where: object): Promise<RoundDoc[]> {
  return findAll<RoundFields>(db.collection(ROUNDS).where(where), 100);
}

const winnersOf = (round: RoundDoc) =>
  (round.results?.entries ?? []).filter((e) => e.outcome === 'won').map((e) => e.proposalId);

/** Voters and the authors of the proposals on the menu. */
async function participantsOf(db: Database, round: RoundDoc): Promise<string[]> {
  return [...(await votersOf(db, round._id)), ...round.menu.map((m) => m.authorId)];
}

async function tell(
  db: Database,
  round: RoundDoc,
  kind: 'publishedNoticeAt' | 'finalNoticeAt',
  now: EpochMs,
): Promise<void> {
  const message = kind === 'publishedNoticeAt' ? notices.resultsPublished : notices.resultsFinal;
  await notifyEach(
    db,
    await participantsOf(db, round),
    (userId) => message(round, userId, winnersOf(round)),
    now,
  );
  await db
    .collection(ROUNDS)
    .doc(round._id)
    .update({ data: { [kind]: now } });
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
  const final = await roundsWhere(db, { status: 'open', finalizedAt: _.neq(null), finalNoticeAt: null });
  for (const r of final) await tell(db, r, 'finalNoticeAt', now);
  return `closed ${closed}, finalized ${finalized}, told ${published.length + final.length} rounds`;
}

export async function inviteRatings(db: Database, now: EpochMs): Promise<string> {
  const done = await findAll<ProjectFields>(
    db.collection(PROJECTS).where({ status: 'completed', ratingInviteAt: null }),
    100,
  );
  for (const project of done) {
    const audience = [
      ...(await votersOf(db, project.roundId)),
      ...(await projectParticipants(db, project._id)),
    ];
    await notifyEach(db, audience, (userId) => notices.projectCompleted(project, userId), now);
    await db
      .collection(PROJECTS)
      .doc(project._id)
      .update({ data: { ratingInviteAt: now } });
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
