import { View } from '@tarojs/components';
import type { ExportTable } from '@core/domain/exports';
import './index.scss';

/** An export as a printable table: its heading, its columns, and the rows given. */
export function PrintableTable({ table, rows }: { table: ExportTable; rows: ExportTable['rows'] }) {
  return (
    <View className="llt-table" data-testid="export-table">
      <View className="llt-table__title">{table.title}</View>
      <View className="llt-table__row llt-table__row--head">
        {table.header.map((cell) => (
          <View key={cell} className="llt-table__cell">
            {cell}
          </View>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} className="llt-table__row" data-testid="export-row">
          {row.map((cell, j) => (
            <View key={j} className="llt-table__cell">
              {String(cell)}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
