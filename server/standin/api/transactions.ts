/** `database.startTransaction`, `database.commitTransaction`, `database.abortTransaction`. */
import type { ResponseBody, TransactionParams } from '../protocol';
import { type ApiContext } from './context';

/** Waits until no other transaction is open; the answer carries the id every later request names. */
export async function startTransaction(ctx: ApiContext): Promise<ResponseBody> {
  return { transactionId: await ctx.gate.begin() };
}

export function commitTransaction(ctx: ApiContext, params: TransactionParams): ResponseBody {
  ctx.gate.commit(params.transactionId);
  return {};
}

/** Sent by runTransaction when the callback throws, and by `tx.rollback()`. */
export function abortTransaction(ctx: ApiContext, params: TransactionParams): ResponseBody {
  ctx.gate.abort(params.transactionId);
  return {};
}
