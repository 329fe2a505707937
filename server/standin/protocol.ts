/**
 * The requests @cloudbase/database 1.4.3 sends through `Db.reqClass#send(api, params)`
 * and the bodies it expects back, as read from its source (query.ts, document.ts,
 * collection.ts, aggregate.ts, transaction/index.ts). Strings marked EJSON are canonical
 * EJSON produced by the SDK's serializers.
 */

/** 'DOC' for `doc(id)` operations (query is `{"_id": id}`), 'WHERE' for collection queries. */
export type QueryType = 'DOC' | 'WHERE';

export interface GetDocumentParams {
  collectionName: string;
  transactionId?: string;
  queryType: QueryType;
  query?: string; // EJSON; absent or '' means "all documents"
  order?: string; // EJSON object { field: 1 | -1 }, in orderBy() call order
  offset?: number;
  limit?: number; // the SDK sends 100 by default and caps at 1000
  projection?: string; // EJSON object { field: 0 | 1 | operator }
}

export interface CalculateDocumentParams {
  collectionName: string;
  queryType: QueryType;
  query?: string;
}

export interface ModifyDocumentParams {
  collectionName: string;
  transactionId?: string;
  queryType: QueryType;
  query?: string;
  data: string; // EJSON: update operators when merge, a whole document (set) otherwise
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

export interface RemoveDocumentParams {
  collectionName: string;
  transactionId?: string;
  queryType: QueryType;
  query?: string;
  multi: boolean;
}

export interface InsertDocumentParams {
  collectionName: string;
  transactionId?: string;
  data: string[]; // one EJSON document per element
}

export interface AggregateDocumentsParams {
  collectionName: string;
  stages: { stageKey: string; stageValue: string }[]; // stageValue is EJSON or JSON
}

export interface TransactionParams {
  transactionId: string;
}

export interface AddCollectionParams {
  collectionName: string;
}

/** Every answer carries a requestId; failures carry CloudBase's `code` and `message`. */
export type ResponseBody = Record<string, unknown>;
