/**
 * Ballots. One per resident and round, whether cast online or recorded on paper at the 社区 desk:
 * its id is `b_<round>_<resident>`, so two concurrent ballots of one resident write the same
 * document and the transaction that loses re-runs and finds the other's. The round is only read,
 * never written, so voters do not contend for it. Final once cast; the receipt is the view and a
 * message 您的选票已记录. No ballot earns anything.
 */
import type { BallotReceipt } from '../../core/contract';
import {
  checkBallot,
  explainVoteProblem,
  isEligible,
  roundPhase,
  voteProblem,
} from '../../core/domain/voting';
import { AppError } from '../../core/errors';
import { displayName } from '../../core/domain/users';
import { recordAudit } from '../runtime/audit';
import type { HandlerContext } from '../runtime/context';
import { findById, inTransaction, withoutId } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import type { Handler } from '../runtime/router';
import { findUser, type UserDoc } from '../runtime/users';
import { notices } from './notices';
import { BALLOTS, findRound, ids, type BallotDoc, type BallotFields } from './store';
import { toReceipt } from './views';

const sameChoices = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

async function cast(
  ctx: HandlerContext,
  roundId: string,
  voter: UserDoc,
  choices: readonly string[],
  recordedBy: UserDoc | null,
): Promise<BallotReceipt> {
  const channel = recordedBy ? 'paper' : 'online';
  const ballotId = ids.ballot(roundId, voter._id);
  const { round, ballot } = await inTransaction(ctx.db, async (tx) => {
    const found = await findRound(tx, roundId);
    if (!found) throw new AppError('NOT_FOUND');
    const existing = await findById<BallotFields>(tx, BALLOTS, ballotId);
    if (existing) {
      // The same ballot again is a retried request: answer its receipt. Anything else is a second ballot.
      if (existing.channel === channel && sameChoices(existing.choices, choices)) {
        return { round: found, ballot: existing };
      }
      const how = existing.channel === 'paper' ? '已在社区现场投过纸质票' : '已在线上投过票';
      throw new AppError('BALLOT_ALREADY_CAST', `${recordedBy ? '该居民' : '您'}${how}，选票提交后不能更改`);
    }
    const problem = voteProblem({
      phase: roundPhase(found, ctx.now),
      eligible: isEligible(found.eligibility, voter),
      hasBallot: false,
    });
    if (problem) {
      const message =
        recordedBy && problem === 'BALLOT_NOT_ELIGIBLE'
          ? `该居民不符合本轮投票条件${found.eligibility === 'with_building' ? '（未登记楼栋）' : ''}`
          : explainVoteProblem(problem, found.eligibility);
      throw new AppError(problem, message);
    }
    const totalCost = checkBallot(found.rule, found.menu, choices);
    const cast: BallotDoc = {
      _id: ballotId,
      roundId,
      userId: voter._id,
      choices: [...choices],
      totalCost,
      channel,
      recordedBy: recordedBy?._id ?? null,
      recordedByName: recordedBy ? displayName(recordedBy) : '',
      castAt: ctx.now,
    };
    // Every read first (the message's once-only key included), then the writes, the ballot itself last.
    await queueNotification(
      tx,
      notices.ballotRecorded(found, voter._id, choices, Boolean(recordedBy)),
      ctx.now,
    );
    if (recordedBy) {
      // What was chosen stays on the ballot; the audit says who recorded a paper ballot for whom.
      await recordAudit(tx, {
        actorId: recordedBy._id,
        action: 'ballot.paper',
        targetId: ballotId,
        onBehalfOf: voter._id,
        detail: `纸质选票，${choices.length}项`,
        at: ctx.now,
      });
    }
    await tx
      .collection(BALLOTS)
      .doc(ballotId)
      .set({ data: withoutId(cast) });
    return { round: found, ballot: cast };
  });
  return toReceipt(round, ballot);
}

export const castBallot: Handler<'votes', 'castBallot'> = (input, ctx) =>
  cast(ctx, input.roundId, ctx.caller, input.choices, null);

export const recordPaperBallot: Handler<'votes', 'recordPaperBallot'> = async (input, ctx) => {
  if (input.userId === ctx.caller._id) {
    throw new AppError('FORBIDDEN', '不能为自己录入纸质选票，请在线上投票');
  }
  const voter = await findUser(ctx.db, input.userId);
  if (!voter || voter.closedAt) throw new AppError('NOT_FOUND', '居民不存在');
  return cast(ctx, input.roundId, voter, input.choices, ctx.caller);
};
