/**
 * Reading an export to its end, with progress: `const exporter = useExport()`, then
 * `await exporter.run([(cursor) => call('dashboard', 'export', { kind, from, to, cursor })])` →
 * the whole table (`exporter.table`), or undefined when a page failed (the toast says why and
 * nothing half-read is kept). Several readers make one table (a resident's data, kind by kind).
 * `exporter.progress` is `{ done, total }` rows while it reads.
 */
import { useCallback, useRef, useState } from 'react';
import type { Cursor, ExportPage } from '@core/contract';
import { collectExport, type ExportTable } from '@core/domain/exports';
import type { Result } from '@core/errors';
import { showError } from '../services/feedback';

export type PageReader = (cursor: Cursor | undefined) => Promise<Result<ExportPage>>;

class PageFailed extends Error {}

export interface Exporter {
  run(readers: readonly PageReader[]): Promise<ExportTable | undefined>;
  progress: { done: number; total: number } | null;
  busy: boolean;
  table: ExportTable | null;
}

export function useExport(): Exporter {
  const [progress, setProgress] = useState<Exporter['progress']>(null);
  const [table, setTable] = useState<ExportTable | null>(null);
  const running = useRef(false);

  const run = useCallback(async (readers: readonly PageReader[]) => {
    if (running.current || readers.length === 0) return undefined;
    running.current = true;
    setTable(null);
    setProgress({ done: 0, total: 0 });
    try {
      const parts: ExportTable[] = [];
      for (const read of readers) {
        const before = parts.reduce((n, p) => n + p.rows.length, 0);
        const part = await collectExport(
          async (cursor) => {
            const res = await read(cursor);
            if (!res.ok) {
              showError(res);
              throw new PageFailed(res.message);
            }
            return res.data;
          },
          (done, total) => setProgress({ done: before + done, total: before + total }),
        );
        parts.push(part);
      }
      const whole: ExportTable = { ...parts[0], rows: parts.flatMap((p) => p.rows) };
      setTable(whole);
      return whole;
    } catch (error) {
      if (!(error instanceof PageFailed)) throw error;
      return undefined;
    } finally {
      running.current = false;
      setProgress(null);
    }
  }, []);

  return { run, progress, busy: progress !== null, table };
}
