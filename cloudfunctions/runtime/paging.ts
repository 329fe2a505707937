/**
 * Lists that grow are read a page at a time, never cut off silently. A page is ordered by one
 * number (a time) and then the document id, both the same way, and the next page starts after
 * the last item's (number, id): items sharing a time are neither skipped nor repeated.
 */
import { PAGE_DEFAULT, type Cursor } from '../../core/contract/define';
import type { Database, Doc } from './db';

export interface PageRequest {
  cursor?: Cursor;
  limit?: number;
}

export interface PageOrder {
  /** A numeric field every document of the list has, e.g. `createdAt`. */
  field: string;
  direction: 'asc' | 'desc';
}

export const NEWEST_FIRST: PageOrder = { field: 'createdAt', direction: 'desc' };

export interface Page<T> {
  items: Doc<T>[];
  next: Cursor | null;
}

export async function findPage<T>(
  db: Database,
  collection: string,
  where: object,
  request: PageRequest,
  order: PageOrder = NEWEST_FIRST,
): Promise<Page<T>> {
  const _ = db.command;
  const limit = request.limit ?? PAGE_DEFAULT;
  const { field, direction } = order;
  const beyond = direction === 'desc' ? _.lt : _.gt;
  const conditions: object[] = Object.keys(where).length > 0 ? [where] : [];
  if (request.cursor) {
    const { at, id } = request.cursor;
    conditions.push(_.or([{ [field]: beyond(at) }, { [field]: at, _id: beyond(id) }]) as object);
  }
  const filtered = db.collection(collection).where(conditions.length > 0 ? _.and(conditions) : {});
  // One document more than the page tells whether another page follows, without a count.
  const res = (await filtered
    .orderBy(field, direction)
    .orderBy('_id', direction)
    .limit(limit + 1)
    .get()) as unknown as { data: Doc<T>[] };
  const items = res.data.slice(0, limit);
  const last = items[items.length - 1] as (Doc<T> & Record<string, unknown>) | undefined;
  const next = res.data.length > limit && last ? { at: Number(last[field]), id: last._id } : null;
  return { items, next };
}

/** A page of documents as a page of views. */
export function mapPage<T, V>(page: Page<T>, view: (doc: Doc<T>) => V): { items: V[]; next: Cursor | null } {
  return { items: page.items.map(view), next: page.next };
}
