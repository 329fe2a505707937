import { View } from '@tarojs/components';
import { BarChart } from '../../../components/bar-chart';

interface Props {
  title: string;
  unit: string;
  note: string;
  labels: readonly string[];
  values: readonly number[];
}

/** One figure over twelve months: this month's beside the title, the months as columns. */
export function MonthChart({ title, unit, note, labels, values }: Props) {
  const current = values[values.length - 1] ?? 0;
  return (
    <View className="section" data-testid="month-chart">
      <View className="row">
        <View className="section__title">{title}</View>
        <View data-testid="chart-current">
          本月 {current} {unit}
        </View>
      </View>
      <BarChart
        layout="columns"
        series={[{ name: title, unit, tone: 'brand' }]}
        bars={labels.map((label, i) => ({ key: label, label, values: [values[i] ?? 0] }))}
      />
      <View className="muted">{note}</View>
    </View>
  );
}
