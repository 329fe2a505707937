/**
 * Query matching, sorting, projection, update operators and aggregation, all by mingo,
 * which implements MongoDB semantics, as CloudBase's document database does.
 */
import { Aggregator, Query, update } from 'mingo';
import type { Document } from './codec';
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

export function page(docs: Document[], criteria: Document, spec: Page): Document[] {
  return asRequestFailure(() => {
    let cursor = new Query(criteria, OPTIONS).find<Document>(docs, spec.projection);
    if (spec.order) cursor = cursor.sort(sortSpec(spec.order));
    if (spec.offset) cursor = cursor.skip(spec.offset);
    return cursor.limit(spec.limit).all();
  });
}

/** Applies update operators in place; true when the document actually changed (CloudBase's `updated`). */
export function applyModifier(doc: Document, modifier: Document): boolean {
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
