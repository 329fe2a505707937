import { View } from '@tarojs/components';
import type { Exporter } from '../../hooks/use-export';
import './index.scss';

/** While an export reads: how far it is (rows read of rows expected); then what it holds. */
export function ExportProgress({ exporter }: { exporter: Exporter }) {
  const { progress, table } = exporter;
  if (progress) {
    const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <View className="llt-export-progress" data-testid="export-progress">
        <View className="llt-export-progress__bar">
          <View className="llt-export-progress__done" style={{ width: `${percent}%` }} />
        </View>
        <View className="muted">
          正在读取 {progress.done} / {progress.total} 行
        </View>
      </View>
    );
  }
  if (!table) return null;
  return (
    <View className="llt-export-progress" data-testid="export-ready">
      <View>{table.title}</View>
      <View className="muted">
        共 {table.rows.length} 行 · {table.filename}
      </View>
    </View>
  );
}
