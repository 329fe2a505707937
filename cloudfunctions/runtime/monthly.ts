/**
 * Figures by calendar month, summed by the database over the rows themselves (the 数据看板, a
 * resident's 积分明细 chart): one aggregation that answers one row per month, however many rows
 * there are, so nothing keeps a monthly total that every transaction would have to write.
 */
import type { EpochMs, MonthSpan } from '../../core/time';
import type { Database } from './db';

export interface Window {
  /** Oldest first, contiguous: each ends where the next begins. */
  months: MonthSpan[];
}

/**
 * Sum `output` per month of `field` over the documents matching `match`: one aggregation that
 * groups by the month each document falls in ([from, to), found by the first month it ends
 * before). Fields named in `distinct` are sets ($addToSet) the database replaces by their size,
 * so only twelve rows of numbers come back, however many residents took part. (Not `$bucket`:
 * the stand-in's, mingo's, puts a value on a boundary into the bucket below it.)
 */
export async function monthly<K extends string>(
  db: Database,
  window: Window,
  collection: string,
  field: string,
  match: object,
  output: Record<K, unknown>,
  distinct: readonly NoInfer<K>[] = [],
): Promise<Record<K, number[]>> {
  const _ = db.command;
  const $ = _.aggregate;
  const { months } = window;
  const monthOf = $.switch({
    branches: months.map((m) => ({ case: $.lt([`$${field}`, m.to]), then: m.from })),
    default: null,
  });
  const keys = Object.keys(output) as K[];
  let pipeline = db
    .collection(collection)
    .aggregate()
    .match({ [field]: _.gte(months[0].from).and(_.lt(months[months.length - 1].to)), ...match })
    .group({ _id: monthOf, ...output });
  if (distinct.length > 0) {
    pipeline = pipeline.project(
      Object.fromEntries(keys.map((key) => [key, distinct.includes(key) ? $.size(`$${key}`) : 1])),
    );
  }
  const res = (await pipeline.end()) as unknown as { list: (Record<K, number> & { _id: EpochMs })[] };
  const byStart = new Map(res.list.map((row) => [row._id, row]));
  return Object.fromEntries(
    keys.map((key) => [key, months.map((m) => byStart.get(m.from)?.[key] ?? 0)]),
  ) as Record<K, number[]>;
}
