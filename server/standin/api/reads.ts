/** `database.getDocument`, `database.calculateDocument`, `database.aggregateDocuments`. */
import { asDocument, decodeCondition, type Document, toWire } from '../codec';
import { aggregate, page } from '../matching';
import type {
  AggregateDocumentsParams,
  CalculateDocumentParams,
  GetDocumentParams,
  ResponseBody,
} from '../protocol';
import { type ApiContext, decodeCriteria, docId, refuseQueryInTransaction } from './context';
import { select } from './select';

/** What the SDK sends when `limit()` was not called, and the most it ever asks for. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function optionalObject(text: string | undefined, what: string): Document | undefined {
  return text ? asDocument(decodeCondition(text), what) : undefined;
}

/** Inside a transaction: the one document as its snapshot (and its own writes) has it. */
function snapshotRead(ctx: ApiContext, transactionId: string, params: GetDocumentParams): Document[] {
  const id = docId(decodeCriteria(params.query), 'doc().get()');
  const doc = ctx.isolation.read(transactionId, params.collectionName, id);
  // `doc(5)` and `doc('5')` share a row, but only the stored type matches, as in mingo.
  return doc !== undefined && doc._id === id ? [doc] : [];
}

export function getDocument(ctx: ApiContext, params: GetDocumentParams): ResponseBody {
  refuseQueryInTransaction('where().get()', params);
  const found =
    params.transactionId === undefined
      ? select(ctx.committed, params.collectionName, decodeCriteria(params.query))
      : snapshotRead(ctx, params.transactionId, params);
  const docs = page(found, {
    order: optionalObject(params.order, 'order'),
    offset: params.offset,
    limit: Math.min(params.limit || DEFAULT_LIMIT, MAX_LIMIT),
    projection: optionalObject(params.projection, 'projection'),
  });
  return { data: { list: docs.map(toWire) } };
}

/** Never carries a transaction id (the SDK does not send one), so it always counts committed data. */
export function calculateDocument(ctx: ApiContext, params: CalculateDocumentParams): ResponseBody {
  const criteria = decodeCriteria(params.query);
  return {
    data: {
      total: select(ctx.committed, params.collectionName, criteria).length,
    },
  };
}

/** Aggregation never runs in a transaction either; `$lookup` reads other collections' committed data. */
export function aggregateDocuments(ctx: ApiContext, params: AggregateDocumentsParams): ResponseBody {
  const pipeline = params.stages.map((stage) => ({
    [stage.stageKey]: decodeCondition(stage.stageValue),
  }));
  const resolve = (collection: string) => ctx.committed.all(collection);
  const docs = aggregate(resolve(params.collectionName), pipeline, resolve);
  return { data: { list: docs.map(toWire) } };
}
