/**
 * One page of an export: the documents of a list (paged like any list, runtime/paging.ts) and how
 * many the whole export holds, counted beside the page so the client can show its progress.
 */
import { EXPORT_PAGE_MAX, type ExportPage } from '../../core/contract/define';
import type { CsvCell } from '../../core/domain/csv';
import type { Database, Doc } from './db';
import { findPage, type PageOrder, type PageRequest } from './paging';

export interface ExportSpec<T> {
  collection: string;
  where: object;
  order: PageOrder;
  filename: string;
  title: string;
  header: readonly string[];
  /** The page's rows, from its documents (one query more for names is fine: a page is ≤ 99). */
  rows(docs: Doc<T>[]): Promise<CsvCell[][]> | CsvCell[][];
}

export async function exportPage<T>(
  db: Database,
  spec: ExportSpec<T>,
  request: PageRequest,
): Promise<ExportPage> {
  const [page, counted] = await Promise.all([
    findPage<T>(
      db,
      spec.collection,
      spec.where,
      { ...request, limit: request.limit ?? EXPORT_PAGE_MAX },
      spec.order,
    ),
    db.collection(spec.collection).where(spec.where).count() as Promise<{ total: number }>,
  ]);
  return {
    filename: spec.filename,
    title: spec.title,
    header: [...spec.header],
    rows: await spec.rows(page.items),
    next: page.next,
    total: counted.total,
  };
}
