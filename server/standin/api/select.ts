/**
 * Which stored documents a query condition selects, in natural order.
 *
 * Most requests are `doc(id)` operations, whose condition is exactly `{ _id: id }`: those
 * are answered by one primary-key lookup, without building a mingo query. Any other
 * condition that pins `_id` reads just those rows; the rest scan the collection. mingo
 * has the final word on everything but the plain `doc(id)` case.
 */
import { type Document } from '../codec';
import { type DocumentSource } from '../collections';
import { filter } from '../matching';

type Scalar = string | number;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number';
}

/** The id of a `{ _id: id }` condition, as `doc(id)` sends it. */
function soleId(criteria: Document): Scalar | undefined {
  for (const field in criteria) if (field !== '_id') return undefined;
  return isScalar(criteria._id) ? criteria._id : undefined;
}

/** `_id` values a condition pins down, so lookups by id use the primary key instead of a scan. */
function pinnedKeys(criteria: Document): string[] | undefined {
  const id = criteria._id;
  if (isScalar(id)) return [String(id)];
  if (id !== null && typeof id === 'object' && Object.keys(id).length === 1) {
    const list = (id as Document).$in;
    if (Array.isArray(list) && list.every(isScalar)) return list.map(String);
  }
  return undefined;
}

export function select(store: DocumentSource, collection: string, criteria: Document): Document[] {
  const id = soleId(criteria);
  if (id !== undefined) {
    // `doc(5)` and `doc('5')` share a row, but only the stored type matches, as in mingo.
    const doc = store.byKey(collection, String(id));
    return doc !== undefined && doc._id === id ? [doc] : [];
  }
  const keys = pinnedKeys(criteria);
  return filter(keys ? store.byKeys(collection, keys) : store.all(collection), criteria);
}
