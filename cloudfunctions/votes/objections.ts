/**
 * Objections to published results (异议): any resident may file one per round during the 公示;
 * staff answer each publicly, once. The round becomes final only when every objection is answered.
 */
import { roundPhase } from '../../core/domain/voting';
import { AppError } from '../../core/errors';
import { recordAudit } from '../runtime/audit';
import { assertCleanText } from '../runtime/content';
import { findById, inTransaction, withoutId } from '../runtime/db';
import { queueNotification } from '../runtime/notifications';
import type { Handler } from '../runtime/router';
import { notices } from './notices';
import { OBJECTIONS, findRound, ids, type ObjectionDoc, type ObjectionFields } from './store';
import { toObjectionView, viewerOf } from './views';

export const fileObjection: Handler<'votes', 'fileObjection'> = async (input, ctx) => {
  await assertCleanText(ctx, input.text);
  const id = ids.objection(input.roundId, ctx.caller._id);
  const filed = await inTransaction(ctx.db, async (tx): Promise<ObjectionDoc> => {
    const round = await findRound(tx, input.roundId);
    if (!round) throw new AppError('NOT_FOUND');
    if (roundPhase(round, ctx.now) !== 'publicity' || ctx.now >= (round.publicityEndsAt ?? 0)) {
      throw new AppError('ROUND_NOT_IN_PUBLICITY');
    }
    if (await findById(tx, OBJECTIONS, id)) throw new AppError('ROUND_OBJECTION_EXISTS');
    const objection: ObjectionDoc = {
      _id: id,
      roundId: round._id,
      userId: ctx.caller._id,
      authorName: ctx.caller.nickname,
      text: input.text,
      answer: '',
      answeredBy: null,
      answeredAt: null,
      createdAt: ctx.now,
    };
    await tx
      .collection(OBJECTIONS)
      .doc(id)
      .set({ data: withoutId(objection) });
    return objection;
  });
  return toObjectionView(filed, viewerOf(ctx));
};

export const answerObjection: Handler<'votes', 'answerObjection'> = async (input, ctx) => {
  await assertCleanText(ctx, input.answer);
  const answered = await inTransaction(ctx.db, async (tx): Promise<ObjectionDoc> => {
    const objection = await findById<ObjectionFields>(tx, OBJECTIONS, input.objectionId);
    if (!objection) throw new AppError('NOT_FOUND');
    if (objection.answeredAt !== null) throw new AppError('ROUND_OBJECTION_ANSWERED');
    const round = await findRound(tx, objection.roundId);
    const changes = { answer: input.answer, answeredBy: ctx.caller._id, answeredAt: ctx.now };
    await tx.collection(OBJECTIONS).doc(objection._id).update({ data: changes });
    await recordAudit(tx, {
      actorId: ctx.caller._id,
      action: 'round.answer_objection',
      targetId: objection._id,
      detail: input.answer,
      at: ctx.now,
    });
    await queueNotification(
      tx,
      notices.objectionAnswered(round, objection.userId, objection._id, input.answer),
      ctx.now,
    );
    return { ...objection, ...changes };
  });
  return toObjectionView(answered, viewerOf(ctx));
};
