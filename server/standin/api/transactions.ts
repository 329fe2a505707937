/** `database.startTransaction`, `database.commitTransaction`, `database.abortTransaction`. */
import type { ResponseBody, TransactionParams } from '../protocol';
import { type ApiContext } from './context';

/** Takes the snapshot now; the answer carries the id every later request names. */
export function startTransaction(ctx: ApiContext): ResponseBody {
  return { transactionId: ctx.isolation.begin() };
}

export function commitTransaction(ctx: ApiContext, params: TransactionParams): ResponseBody {
  ctx.isolation.commit(params.transactionId);
  return {};
}

/** Sent by runTransaction when the callback throws, and by `tx.rollback()`. */
export function abortTransaction(ctx: ApiContext, params: TransactionParams): ResponseBody {
  ctx.isolation.abort(params.transactionId);
  return {};
}
