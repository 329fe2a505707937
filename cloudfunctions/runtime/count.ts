import type { Database } from '../runtime/db';

/** How many documents match: the database counts, nothing is read. */
export async function countWhere(db: Database, collection: string, where: object): Promise<number> {
  const res = (await db.collection(collection).where(where).count()) as { total: number };
  return res.total;
}
