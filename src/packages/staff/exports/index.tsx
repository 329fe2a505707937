import { useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EXPORT_KINDS, EXPORT_KIND_LABELS, type ExportKind } from '@core/domain/exports';
import { yearSpan } from '@core/domain/party-record';
import { communityYear, monthLabel, recentMonths } from '@core/time';
import { ExportProgress } from '../../../components/export-progress';
import { ChoiceField } from '../../../components/form/choice-field';
import { SelectField } from '../../../components/form/select-field';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useExport, type PageReader } from '../../../hooks/use-export';
import { useParams } from '../../../hooks/use-params';
import { call } from '../../../services/cloud';
import { canPrint, printPage, saveExportFile } from '../../../services/export-file';
import { PrintableTable } from './table';

type Kind = ExportKind;
const KINDS: Kind[] = [...EXPORT_KINDS];
const KIND_LABELS: Record<Kind, string> = EXPORT_KIND_LABELS;

/** Rows shown before printing or saving; the whole table is in the file and on the print. */
const PREVIEW_ROWS = 20;

interface Period {
  key: string;
  label: string;
  from: number;
  to: number;
  year?: number;
}

/** The last twelve months, then this year and last (a year's records for an annual report). */
function periods(now: number): Period[] {
  const year = communityYear(now);
  const months = recentMonths(now, 12)
    .reverse()
    .map((m) => ({ key: m.key, label: monthLabel(m.from), from: m.from, to: m.to }));
  const years = [year, year - 1].map((y) => ({
    key: String(y),
    label: `${y}年全年`,
    year: y,
    ...yearSpan(y),
  }));
  return [...months, ...years];
}

/** 数据导出: a table for a period, read page by page, saved as CSV or printed. */
export default function Exports() {
  const { eventId, kind: asked } = useParams('staffExports');
  const options = useMemo(() => periods(Date.now()), []);
  const [kind, setKind] = useState<Kind>(KINDS.find((k) => k === asked) ?? 'service');
  const [periodKey, setPeriodKey] = useState(options[0].key);
  const [printing, setPrinting] = useState(false);
  const exporter = useExport();

  // The 双报到 record is kept by year, for the yearly 评议.
  const forYear = kind === 'party';
  const choices = options.filter((p) => !forYear || p.year !== undefined);
  const period = choices.find((p) => p.key === periodKey) ?? choices[0];

  const reader = (): PageReader =>
    eventId
      ? (cursor) => call('events', 'exportAttendance', { eventId, ...(cursor ? { cursor } : {}) })
      : (cursor) =>
          call('dashboard', 'export', {
            kind,
            from: period.from,
            to: period.to,
            ...(cursor ? { cursor } : {}),
          });

  const generate = async () => {
    setPrinting(false);
    await exporter.run([reader()]);
  };

  const print = () => {
    setPrinting(true);
    printPage();
  };

  const table = exporter.table;
  return (
    <PageShell>
      <View className="llt-export__controls">
        <Section title={eventId ? '签到名单' : '导出内容'}>
          {!eventId && (
            <>
              <ChoiceField
                name="kind"
                label="内容"
                value={kind}
                options={KINDS}
                labels={KIND_LABELS}
                onChange={(value) => value && setKind(value)}
              />
              <SelectField
                name="period"
                label="时段"
                value={period.key}
                options={choices.map((p) => ({ value: p.key, label: p.label }))}
                onChange={(value) => value && setPeriodKey(value)}
              />
            </>
          )}
          <View className="form-actions">
            <Button type="primary" block loading={exporter.busy} onClick={() => void generate()}>
              {forYear && !eventId ? '导出表格' : '生成表格'}
            </Button>
          </View>
        </Section>
        <ExportProgress exporter={exporter} />
        {table && (
          <View className="form-actions actions">
            <Button type="primary" onClick={() => void saveExportFile(table)}>
              保存为表格文件
            </Button>
            {canPrint && <Button onClick={print}>打印</Button>}
          </View>
        )}
        {table && !printing && table.rows.length > PREVIEW_ROWS && (
          <View className="muted center">预览前 {PREVIEW_ROWS} 行，完整内容见文件或打印</View>
        )}
      </View>
      {table && (
        <PrintableTable table={table} rows={printing ? table.rows : table.rows.slice(0, PREVIEW_ROWS)} />
      )}
    </PageShell>
  );
}
