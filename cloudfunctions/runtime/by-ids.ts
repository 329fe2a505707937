/** Documents a page refers to by id (its events, goods, people), read together. */
import type { Database, Doc } from './db';

/** CloudBase answers at most 100 documents a query. */
const CHUNK = 100;

/** The documents behind some ids, by id: one query per hundred, never one read each. */
export async function docsById<T>(
  db: Database,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, Doc<T>>> {
  const unique = [...new Set(ids.filter(Boolean))];
  const chunks = Array.from({ length: Math.ceil(unique.length / CHUNK) }, (_, i) =>
    unique.slice(i * CHUNK, (i + 1) * CHUNK),
  );
  const found = await Promise.all(
    chunks.map(async (chunk) => {
      const res = (await db
        .collection(collection)
        .where({ _id: db.command.in(chunk) })
        .limit(chunk.length)
        .get()) as unknown as { data: Doc<T>[] };
      return res.data;
    }),
  );
  return new Map(found.flat().map((doc) => [doc._id, doc]));
}
