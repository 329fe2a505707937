/**
 * `database.insertDocument`, `database.modifyDocument`, `database.removeDocument`, `database.addCollection`.
 *
 * Outside a transaction a write is applied at once (waiting for any transaction lock on a
 * document it touches). Inside one it locks the document — a conflict when another transaction
 * holds it or committed it since the snapshot — and is buffered until commit.
 */
import { randomBytes } from 'crypto';
import { cloneDeep } from 'mingo/util';
import { asDocument, decodeData, type Document } from '../codec';
import { documentKey } from '../collections';
import { CloudBaseError, REQUEST_FAILED } from '../errors';
import { type Isolation, type TrackedStore } from '../isolation';
import { applyModifier } from '../matching';
import type {
  AddCollectionParams,
  InsertDocumentParams,
  ModifyDocumentParams,
  RemoveDocumentParams,
  ResponseBody,
} from '../protocol';
import { type ApiContext, decodeCriteria, docId, refuseQueryInTransaction, writeOutside } from './context';
import { select } from './select';

/** CloudBase generates 32 lowercase hex characters for an `_id` the client did not give. */
function newId(): string {
  return randomBytes(16).toString('hex');
}

function duplicateKey(collection: string, id: unknown): CloudBaseError {
  return new CloudBaseError(
    REQUEST_FAILED,
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );
}

const IMMUTABLE_ID = "Performing an update on the path '_id' would modify the immutable field '_id'";

/** Applies update operators to a copy; undefined when nothing changed (CloudBase's `updated: 0`). */
function modified(doc: Document, modifier: Document): Document | undefined {
  const copy = cloneDeep(doc) as Document;
  if (!applyModifier(copy, modifier)) return undefined;
  if (documentKey(copy._id) !== documentKey(doc._id)) throw new CloudBaseError(REQUEST_FAILED, IMMUTABLE_ID);
  return copy;
}

// ---- inside a transaction -------------------------------------------------------------------

/** The document as the transaction sees it, with the stored `_id` type respected. */
function current(isolation: Isolation, txId: string, collection: string, id: string | number) {
  const doc = isolation.read(txId, collection, id);
  return doc !== undefined && doc._id === id ? doc : undefined;
}

function insertInTransaction(
  isolation: Isolation,
  txId: string,
  params: InsertDocumentParams,
  docs: Document[],
) {
  const stored = docs.map((doc) => (doc._id === undefined ? { _id: newId(), ...doc } : doc));
  for (const doc of stored) {
    isolation.lock(txId, params.collectionName, doc._id);
    if (isolation.read(txId, params.collectionName, doc._id))
      throw duplicateKey(params.collectionName, doc._id);
  }
  for (const doc of stored) isolation.stage(txId, params.collectionName, doc._id, doc);
  return { data: { insertedIds: stored.map((doc) => doc._id) } };
}

function modifyInTransaction(
  isolation: Isolation,
  txId: string,
  params: ModifyDocumentParams,
  criteria: Document,
  data: Document,
): ResponseBody {
  const collection = params.collectionName;
  const id = docId(criteria, 'doc().update()/set()');
  isolation.lock(txId, collection, id);
  const doc = current(isolation, txId, collection, id);
  if (params.merge) {
    const next = doc && modified(doc, data);
    if (next) isolation.stage(txId, collection, id, next);
    return { data: { updated: next ? 1 : 0 } };
  }
  if (!doc && !params.upsert) return { data: { updated: 0 } };
  isolation.stage(txId, collection, id, { _id: id, ...data });
  return { data: doc ? { updated: 1 } : { updated: 0, upsert_id: id } };
}

function removeInTransaction(isolation: Isolation, txId: string, params: RemoveDocumentParams): ResponseBody {
  const id = docId(decodeCriteria(params.query), 'doc().remove()');
  isolation.lock(txId, params.collectionName, id);
  const doc = current(isolation, txId, params.collectionName, id);
  if (doc) isolation.stage(txId, params.collectionName, id, null);
  return { data: { deleted: doc ? 1 : 0 } };
}

// ---- outside a transaction ------------------------------------------------------------------

function matching(store: TrackedStore, collection: string, criteria: Document, multi: boolean): Document[] {
  const found = select(store, collection, criteria);
  return multi ? found : found.slice(0, 1);
}

/** `doc(id).set(data)`: replaces the whole document, creating it when `upsert`. */
function replaceDocument(
  store: TrackedStore,
  params: ModifyDocumentParams,
  criteria: Document,
  data: Document,
): ResponseBody {
  const id = criteria._id;
  const existed = matching(store, params.collectionName, { _id: id }, false).length > 0;
  if (!existed && !params.upsert) return { data: { updated: 0 } };
  store.put(params.collectionName, { _id: id, ...data });
  return { data: existed ? { updated: 1 } : { updated: 0, upsert_id: id } };
}

/** `doc(id).update` / `where().update`: applies update operators; `updated` counts documents that changed. */
function updateDocuments(
  store: TrackedStore,
  params: ModifyDocumentParams,
  criteria: Document,
  modifier: Document,
): ResponseBody {
  let updated = 0;
  for (const doc of matching(store, params.collectionName, criteria, params.multi)) {
    const next = modified(doc, modifier);
    if (!next) continue;
    store.put(params.collectionName, next);
    updated += 1;
  }
  return { data: { updated } };
}

// ---- the API --------------------------------------------------------------------------------

export async function insertDocument(ctx: ApiContext, params: InsertDocumentParams): Promise<ResponseBody> {
  const docs = params.data.map((text) => asDocument(decodeData(text), 'document'));
  if (params.transactionId !== undefined)
    return insertInTransaction(ctx.isolation, params.transactionId, params, docs);
  return writeOutside(ctx, 'database.insertDocument', (store) => {
    const insertedIds = docs.map((doc) => {
      const stored = doc._id === undefined ? { _id: newId(), ...doc } : doc;
      if (!store.insert(params.collectionName, stored)) throw duplicateKey(params.collectionName, stored._id);
      return stored._id;
    });
    return { data: { insertedIds } };
  });
}

export async function modifyDocument(ctx: ApiContext, params: ModifyDocumentParams): Promise<ResponseBody> {
  refuseQueryInTransaction('where().update()', params);
  const criteria = decodeCriteria(params.query);
  const data = asDocument(decodeData(params.data), 'data');
  if (params.transactionId !== undefined) {
    return modifyInTransaction(ctx.isolation, params.transactionId, params, criteria, data);
  }
  return writeOutside(ctx, 'database.modifyDocument', (store) =>
    params.merge
      ? updateDocuments(store, params, criteria, data)
      : replaceDocument(store, params, criteria, data),
  );
}

export async function removeDocument(ctx: ApiContext, params: RemoveDocumentParams): Promise<ResponseBody> {
  refuseQueryInTransaction('where().remove()', params);
  if (params.transactionId !== undefined)
    return removeInTransaction(ctx.isolation, params.transactionId, params);
  const criteria = decodeCriteria(params.query);
  return writeOutside(ctx, 'database.removeDocument', (store) => {
    const doomed = matching(store, params.collectionName, criteria, params.multi);
    for (const doc of doomed) store.delete(params.collectionName, doc._id);
    return { data: { deleted: doomed.length } };
  });
}

/** `db.createCollection(name)`: like CloudBase, creating an existing collection is an error. */
export function addCollection(ctx: ApiContext, params: AddCollectionParams): Promise<ResponseBody> {
  return writeOutside(ctx, 'database.addCollection', (store) => {
    if (store.exists(params.collectionName)) {
      throw new CloudBaseError(
        'DATABASE_COLLECTION_ALREADY_EXIST',
        `collection ${params.collectionName} already exists`,
      );
    }
    store.create(params.collectionName);
    return {};
  });
}
