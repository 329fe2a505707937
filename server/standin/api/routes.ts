/**
 * The SDK API names the stand-in serves. Anything else the SDK sends (watch, geo-only
 * helpers, `modifyAndReturnDoc`) fails loudly rather than pretending to work.
 */
import type { ResponseBody } from '../protocol';
import type { ApiContext } from './context';
import { aggregateDocuments, calculateDocument, getDocument } from './reads';
import { abortTransaction, commitTransaction, startTransaction } from './transactions';
import { addCollection, insertDocument, modifyDocument, removeDocument } from './writes';

export type Handler = (ctx: ApiContext, params: unknown) => ResponseBody | Promise<ResponseBody>;

/** The SDK boundary: `params` is whatever @cloudbase/database built for this API (see protocol.ts). */
function route<P>(handler: (ctx: ApiContext, params: P) => ResponseBody | Promise<ResponseBody>): Handler {
  return (ctx, params) => handler(ctx, params as P);
}

export const ROUTES: ReadonlyMap<string, Handler> = new Map([
  ['database.getDocument', route(getDocument)],
  ['database.calculateDocument', route(calculateDocument)],
  ['database.aggregateDocuments', route(aggregateDocuments)],
  ['database.insertDocument', route(insertDocument)],
  ['database.modifyDocument', route(modifyDocument)],
  ['database.removeDocument', route(removeDocument)],
  ['database.addCollection', route(addCollection)],
  ['database.startTransaction', route(startTransaction)],
  ['database.commitTransaction', route(commitTransaction)],
  ['database.abortTransaction', route(abortTransaction)],
]);
