/** `database.insertDocument`, `database.modifyDocument`, `database.removeDocument`, `database.addCollection`. */
import { randomBytes } from 'crypto';
import { asDocument, decodeData, type Document } from '../codec';
import { type CollectionStore, documentKey } from '../collections';
import { CloudBaseError, REQUEST_FAILED } from '../errors';
import { applyModifier } from '../matching';
import type {
  AddCollectionParams,
  InsertDocumentParams,
  ModifyDocumentParams,
  RemoveDocumentParams,
  ResponseBody,
} from '../protocol';
import { type ApiContext, decodeCriteria, refuseQueryInTransaction, write } from './context';
import { select } from './select';

/** CloudBase generates 32 lowercase hex characters for an `_id` the client did not give. */
function newId(): string {
  return randomBytes(16).toString('hex');
}

function matching(
  store: CollectionStore,
  collection: string,
  criteria: Document,
  multi: boolean,
): Document[] {
  const found = select(store, collection, criteria);
  return multi ? found : found.slice(0, 1);
}

export function insertDocument(ctx: ApiContext, params: InsertDocumentParams): Promise<ResponseBody> {
  const docs = params.data.map((text) => asDocument(decodeData(text), 'document'));
  return write(ctx, 'database.insertDocument', params.transactionId, (store) => {
    const insertedIds = docs.map((doc) => {
      const stored = doc._id === undefined ? { _id: newId(), ...doc } : doc;
      if (!store.insert(params.collectionName, stored)) {
        throw new CloudBaseError(
          REQUEST_FAILED,
          `E11000 duplicate key error collection: ${params.collectionName} index: _id_ dup key: { _id: ${JSON.stringify(stored._id)} }`,
        );
      }
      return stored._id;
    });
    return { data: { insertedIds } };
  });
}

/** `doc(id).set(data)`: replaces the whole document, creating it when `upsert`. */
function replaceDocument(
  store: CollectionStore,
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
  store: CollectionStore,
  params: ModifyDocumentParams,
  criteria: Document,
  modifier: Document,
): ResponseBody {
  let updated = 0;
  for (const doc of matching(store, params.collectionName, criteria, params.multi)) {
    const key = documentKey(doc._id);
    if (!applyModifier(doc, modifier)) continue;
    if (documentKey(doc._id) !== key) {
      throw new CloudBaseError(
        REQUEST_FAILED,
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
    store.put(params.collectionName, doc);
    updated += 1;
  }
  return { data: { updated } };
}

export function modifyDocument(ctx: ApiContext, params: ModifyDocumentParams): Promise<ResponseBody> {
  refuseQueryInTransaction('where().update()', params);
  const criteria = decodeCriteria(params.query);
  const data = asDocument(decodeData(params.data), 'data');
  return write(ctx, 'database.modifyDocument', params.transactionId, (store) =>
    params.merge
      ? updateDocuments(store, params, criteria, data)
      : replaceDocument(store, params, criteria, data),
  );
}

export function removeDocument(ctx: ApiContext, params: RemoveDocumentParams): Promise<ResponseBody> {
  refuseQueryInTransaction('where().remove()', params);
  const criteria = decodeCriteria(params.query);
  return write(ctx, 'database.removeDocument', params.transactionId, (store) => {
    const doomed = matching(store, params.collectionName, criteria, params.multi);
    for (const doc of doomed) store.delete(params.collectionName, doc._id);
    return { data: { deleted: doomed.length } };
  });
}

/** `db.createCollection(name)`: like CloudBase, creating an existing collection is an error. */
export function addCollection(ctx: ApiContext, params: AddCollectionParams): Promise<ResponseBody> {
  return write(ctx, 'database.addCollection', undefined, (store) => {
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
