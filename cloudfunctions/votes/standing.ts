/**
 * What a proposal's view needs besides the proposal: its support count (each resident once across
 * the proposals merged into it), whether the viewer supported it, the round that holds it and
 * whether it became a project. Loaded for a whole list in a few queries, never per proposal.
 */
import { roundPhase, type ProposalStanding } from '../../core/domain/voting';
import type { EpochMs } from '../../core/time';
import { findAll, type Database } from '../runtime/db';
import {
  PROJECTS,
  PROPOSALS,
  ROUNDS,
  SUPPORTS,
  ids,
  votingSettings,
  type ProposalDoc,
  type ProposalFields,
  type RoundDoc,
  type RoundFields,
  type SupportFields,
} from './store';

export interface Standings {
  threshold: number;
  counts: Map<string, number>;
  /** Proposal ids (of the listed ones) the viewer supports, directly or through a merged one. */
  supported: Set<string>;
  rounds: Map<string, RoundDoc>;
  withProject: Set<string>;
  /** Titles of the proposals merged ones link to. */
  mergedTitles: Map<string, string>;
}

type Aggregated<T> = { list: T[] };

/** Supporters per proposal: one grouped count for the plain ones, a distinct count for merged ones. */
export async function supportCounts(
  db: Database,
  proposals: readonly ProposalDoc[],
): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const counts = new Map<string, number>(proposals.map((p) => [p._id, 0]));
  const plain = proposals.filter((p) => p.supportIds.length === 1).map((p) => p._id);
  if (plain.length) {
    const res = (await db
      .collection(SUPPORTS)
      .aggregate()
      .match({ proposalId: _.in(plain) })
      .group({ _id: '$proposalId', n: $.sum(1) })
      .limit(plain.length)
      .end()) as unknown as Aggregated<{ _id: string; n: number }>;
    for (const row of res.list) counts.set(row._id, row.n);
  }
  for (const p of proposals.filter((q) => q.supportIds.length > 1)) {
    // Someone who supported two proposals before they were merged counts once.
    const res = (await db
      .collection(SUPPORTS)
      .aggregate()
      .match({ proposalId: _.in(p.supportIds) })
      .group({ _id: '$userId' })
      .count('n')
      .end()) as unknown as Aggregated<{ n: number }>;
    counts.set(p._id, res.list[0]?.n ?? 0);
  }
  return counts;
}

export async function loadStandings(
  db: Database,
  proposals: readonly ProposalDoc[],
  viewerId: string,
): Promise<Standings> {
  const _ = db.command;
  const allSupportIds = [...new Set(proposals.flatMap((p) => p.supportIds))];
  const roundIds = [...new Set(proposals.map((p) => p.roundId).filter((id): id is string => Boolean(id)))];
  const mergedInto = [
    ...new Set(proposals.map((p) => p.mergedInto).filter((id): id is string => Boolean(id))),
  ];
  const none = Promise.resolve([]);
  const [settings, counts, mine, rounds, projects, targets] = await Promise.all([
    votingSettings(db),
    supportCounts(db, proposals),
    allSupportIds.length
      ? findAll<SupportFields>(
          db.collection(SUPPORTS).where({ userId: viewerId, proposalId: _.in(allSupportIds) }),
          allSupportIds.length,
        )
      : none,
    roundIds.length ? findAll<RoundFields>(db.collection(ROUNDS).where({ _id: _.in(roundIds) }), 1000) : none,
    proposals.length
      ? findAll<{ proposalId: string }>(
          db
            .collection(PROJECTS)
            .where({ _id: _.in(proposals.map((p) => ids.project(p._id))) })
            .field({ proposalId: true }),
          proposals.length,
        )
      : none,
    mergedInto.length
      ? findAll<ProposalFields>(
          db
            .collection(PROPOSALS)
            .where({ _id: _.in(mergedInto) })
            .field({ title: true }),
          1000,
        )
      : none,
  ]);
  const supportedIds = new Set(mine.map((s) => s.proposalId));
  return {
    threshold: settings.supportThreshold,
    counts,
    supported: new Set(
      proposals.filter((p) => p.supportIds.some((id) => supportedIds.has(id))).map((p) => p._id),
    ),
    rounds: new Map(rounds.map((r) => [r._id, r])),
    withProject: new Set(projects.map((p) => p.proposalId)),
    mergedTitles: new Map(targets.map((t) => [t._id, t.title])),
  };
}

/** Whether the round's results name the proposal a winner. */
export function wonIn(round: RoundFields, proposalId: string): boolean {
  return Boolean(round.results?.entries.some((e) => e.proposalId === proposalId && e.outcome === 'won'));
}

/** What the rules need of the round holding a proposal: its phase, and whether the proposal won it. */
export function heldBy(
  round: RoundFields | null | undefined,
  proposalId: string,
  now: EpochMs,
): ProposalStanding['round'] {
  return round ? { phase: roundPhase(round, now), won: wonIn(round, proposalId) } : null;
}

/** The inputs of the proposal rules (stage, menu and merge problems) for one proposal. */
export function standingOf(proposal: ProposalDoc, standings: Standings, now: EpochMs): ProposalStanding {
  const round = proposal.roundId ? standings.rounds.get(proposal.roundId) : undefined;
  return {
    status: proposal.status,
    supportCount: standings.counts.get(proposal._id) ?? 0,
    threshold: standings.threshold,
    round: heldBy(round, proposal._id, now),
    hasProject: standings.withProject.has(proposal._id),
  };
}
