/**
 * Query matching, sorting, projection, update operators and aggregation, all by mingo,
 * which implements MongoDB semantics, as CloudBase's document database does.
 */
import { Aggregator, Query, update } from 'mingo';
import { cloneDeep, isEqual } from 'mingo/util';
import { type Document, isPlainObject } from './codec';
import { CloudBaseError, REQUEST_FAILED } from './errors';

type SortSpec = Record<string, 1 | -1>;

/** CloudBase runs no user scripts, so `$where`/`$function`/`$accumulator` stay off. */
const OPTIONS = { scriptEnabled: false } as const;

export interface Page {
  order?: Document;
  offset?: number;
  limit: number;
  projection?: Document;
}

/**
 * mingo rejects a bad query or update (unknown operator, `$inc` of a string, conflicting
 * paths) by throwing; CloudBase answers the same requests as failed requests. `work` only
 * ever calls mingo, so whatever it throws is such a rejection.
 */
function asRequestFailure<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new CloudBaseError(REQUEST_FAILED, error instanceof Error ? error.message : String(error));
  }
}

function sortSpec(order: Document): SortSpec {
  const spec: SortSpec = {};
  for (const [field, direction] of Object.entries(order)) spec[field] = direction === -1 ? -1 : 1;
  return spec;
}

export function filter(docs: Document[], criteria: Document): Document[] {
  return asRequestFailure(() => {
    const query = new Query(criteria, OPTIONS);
    return docs.filter((doc) => query.test(doc));
  });
}

/** Orders, skips, limits and projects documents that already matched the query. */
export function page(docs: Document[], spec: Page): Document[] {
  if (!spec.order && !spec.offset && !spec.projection) return docs.slice(0, spec.limit);
  return asRequestFailure(() => {
    let cursor = new Query({}, OPTIONS).find<Document>(docs, spec.projection);
    if (spec.order) cursor = cursor.sort(sortSpec(spec.order));
    if (spec.offset) cursor = cursor.skip(spec.offset);
    return cursor.limit(spec.limit).all();
  });
}

/**
 * The fields of `{ $set: { a: 1, b: 2 } }` when they are all plain top-level names, the usual
 * `doc(id).update({ data })`. Paths, positional operators, `_id` and `__proto__` (which mingo
 * refuses) are left to mingo.
 */
function topLevelSet(modifier: Document): Document | undefined {
  let fields: unknown;
  for (const operator in modifier) {
    if (operator !== '$set') return undefined;
    fields = modifier.$set;
  }
  if (!isPlainObject(fields)) return undefined;
  for (const field in fields) {
    if (field === '' || field === '_id' || field === '__proto__' || /[.$]/.test(field)) return undefined;
  }
  return fields;
}

/** Applies update operators in place; true when the document actually changed (CloudBase's `updated`). */
export function applyModifier(doc: Document, modifier: Document): boolean {
  const fields = topLevelSet(modifier);
  if (fields) {
    // What mingo's $set does for a top-level field, without the ~200 µs it spends per call
    // copying its operator tables (mingo's update() builds a fresh context every time).
    let changed = false;
    for (const [field, value] of Object.entries(fields)) {
      if (isEqual(doc[field], value)) continue;
      doc[field] = cloneDeep(value);
      changed = true;
    }
    return changed;
  }
  return asRequestFailure(
    () => update(doc, modifier, undefined, undefined, { cloneMode: 'deep' }).length > 0,
  );
}

export function aggregate(
  docs: Document[],
  pipeline: Document[],
  resolve: (collection: string) => Document[],
): Document[] {
  return asRequestFailure(
    () => new Aggregator(pipeline, { ...OPTIONS, collectionResolver: resolve }).run(docs) as Document[],
  );
}
