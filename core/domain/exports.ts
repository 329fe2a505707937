/**
 * Staff exports: the tables a community hands to the 街道 or 民政 — volunteers' service records
 * with the fields 民政部令第67号 asks for, the points ledger, orders and stock changes — saved as
 * CSV (core/domain/csv.ts) or printed. The functions answer one page at a time; `collectExport`
 * reads every page, so a big export is never cut off.
 */
import type { CsvCell } from './csv';

export const EXPORT_KINDS = ['service', 'ledger', 'orders', 'stock', 'party'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  service: '志愿服务记录',
  ledger: '积分明细',
  orders: '兑换订单',
  stock: '库存变动',
  party: '双报到记录',
};

/** The 双报到 record, one line per party member, for the yearly 评议 and their workplace. */
export const PARTY_RECORD_HEADER = [
  '姓名',
  '所在党组织',
  '工作单位',
  '完成微心愿（件）',
  '参加活动（次）',
  '服务时长（小时）',
] as const;

/** The service record's columns: 民政部令第67号 — name, period, content, hours, organiser, number. */
export const SERVICE_RECORD_HEADER = [
  '记录编号',
  '志愿者姓名',
  '服务开始时间',
  '服务结束时间',
  '服务内容',
  '服务类别',
  '服务地点',
  '服务时长（小时）',
  '组织单位',
  '记录时间',
] as const;

/** Hours with one decimal, as a record states them (150 minutes → 2.5). */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/** A file name staff recognise: what it is and which period, e.g. `积分明细-2026年11月.csv`. */
export function exportFilename(what: string, period: string): string {
  return `${what}-${period}.csv`.replace(/[\\/:*?"<>|\s]+/g, '');
}

export interface ExportCursor {
  at: number;
  id: string;
}

/** One page as an export action answers it. */
export interface ExportPageData {
  filename: string;
  title: string;
  header: string[];
  rows: CsvCell[][];
  next: ExportCursor | null;
  total: number;
}

export interface ExportTable {
  filename: string;
  title: string;
  header: string[];
  rows: CsvCell[][];
}

/**
 * Read an export page after page until the last, reporting progress after each (rows so far,
 * rows expected). `fetchPage` throws when a page cannot be read: nothing half-read is saved.
 */
export async function collectExport(
  fetchPage: (cursor: ExportCursor | undefined) => Promise<ExportPageData>,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportTable> {
  const rows: CsvCell[][] = [];
  let cursor: ExportCursor | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    rows.push(...page.rows);
    onProgress?.(rows.length, Math.max(page.total, rows.length));
    if (!page.next) return { filename: page.filename, title: page.title, header: page.header, rows };
    cursor = page.next;
  }
}
