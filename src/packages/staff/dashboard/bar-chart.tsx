import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  title: string;
  unit: string;
  note: string;
  labels: readonly string[];
  values: readonly number[];
}

/**
 * Twelve months as bars drawn with plain views: each bar's height is its share of the largest
 * month (nothing drawn below zero), the month under it, this month's figure beside the title.
 */
export function BarChart({ title, unit, note, labels, values }: Props) {
  const top = Math.max(1, ...values);
  const current = values[values.length - 1] ?? 0;
  return (
    <View className="section" data-testid="chart">
      <View className="row">
        <View className="section__title">{title}</View>
        <View data-testid="chart-current">
          本月 {current} {unit}
        </View>
      </View>
      <View className="llt-chart">
        {values.map((value, i) => (
          <View key={labels[i]} className="llt-chart__column">
            <View className="llt-chart__value">{value || ''}</View>
            <View className="llt-chart__track">
              <View className="llt-chart__bar" style={{ height: `${(Math.max(0, value) / top) * 100}%` }} />
            </View>
            <View className="llt-chart__label">{labels[i]}</View>
          </View>
        ))}
      </View>
      <View className="muted">{note}</View>
    </View>
  );
}
