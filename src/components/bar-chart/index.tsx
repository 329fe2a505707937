import { View } from '@tarojs/components';
import { useSettings } from '../../stores/settings';
import { sharePercent } from './share';
import './index.scss';

export type BarTone = 'brand' | 'plain' | 'green';

export interface ChartSeries {
  name: string;
  /** After each figure: 票, 分, 小时. */
  unit: string;
  tone: BarTone;
}

export interface ChartBar {
  key: string;
  label: string;
  /** Beside the label (rows): what became of it, e.g. 入选. */
  note?: string;
  /** One value per series, in the series' order. */
  values: readonly number[];
  /** This bar's colour instead of its series' (a winner among the rest). */
  tone?: BarTone;
}

interface Props {
  bars: readonly ChartBar[];
  series: readonly ChartSeries[];
  /**
   * `rows`: one bar per line, for labels of any length; `columns`: months side by side. In
   * 关怀模式 columns are drawn as rows: twelve 18 px labels do not fit across a phone.
   */
  layout?: 'rows' | 'columns';
  /** What fills the lane; the largest value by default (nothing drawn below zero). */
  max?: number;
  /** `vote-chart` → rows `vote-chart-row`, bars `vote-chart-bar`. */
  testId?: string;
}

const figure = (value: number, series: ChartSeries) => `${value} ${series.unit}`;

/**
 * The one chart of the app: bars drawn with plain views (no chart library, nothing to load),
 * each its share of the largest. The 百姓点菜 results, 积分明细, 服务记录 and the 数据看板 use it.
 */
export function BarChart({ bars, series, layout = 'rows', max, testId = 'chart' }: Props) {
  const careMode = useSettings((s) => s.careMode);
  const top = max ?? Math.max(0, ...bars.flatMap((b) => b.values));
  const toneOf = (bar: ChartBar, s: number) => bar.tone ?? series[s].tone;
  const legend = series.length > 1 && (
    <View className="llt-chart__legend">
      {series.map((s) => (
        <View key={s.name} className="llt-chart__key">
          <View className={`llt-chart__swatch llt-chart__bar--${s.tone}`} />
          {s.name}
        </View>
      ))}
    </View>
  );

  if (layout === 'columns' && !careMode) {
    return (
      <View className="llt-chart" data-testid={testId}>
        {legend}
        <View className="llt-chart__columns">
          {bars.map((bar) => (
            <View key={bar.key} className="llt-chart__column" data-testid={`${testId}-row`}>
              {/* Each figure above its own bar; none for an empty month. */}
              <View className="llt-chart__values">
                {bar.values.map((value, s) => (
                  <View key={series[s].name} className="llt-chart__value">
                    {value > 0 ? value : ''}
                  </View>
                ))}
              </View>
              <View className="llt-chart__stack">
                {bar.values.map((value, s) => (
                  <View
                    key={series[s].name}
                    className={`llt-chart__bar llt-chart__bar--${toneOf(bar, s)}`}
                    style={{ height: `${sharePercent(value, top)}%` }}
                    data-testid={`${testId}-bar`}
                  />
                ))}
              </View>
              <View className="llt-chart__label">{bar.label}</View>
            </View>
          ))}
        </View>
      </View>
    );
  }

  return (
    <View className="llt-chart" data-testid={testId}>
      {legend}
      {bars.map((bar) => (
        <View key={bar.key} className="llt-chart__row" data-testid={`${testId}-row`}>
          <View className="llt-chart__heading">
            <View className="llt-chart__title">{bar.label}</View>
            {bar.note && (
              <View className={`llt-chart__note llt-chart__note--${bar.tone ?? 'plain'}`}>{bar.note}</View>
            )}
          </View>
          {bar.values.map((value, s) => (
            <View key={series[s].name} className="llt-chart__track">
              <View className="llt-chart__lane">
                <View
                  className={`llt-chart__bar llt-chart__bar--${toneOf(bar, s)}`}
                  style={{ width: `${sharePercent(value, top)}%` }}
                  data-testid={`${testId}-bar`}
                />
              </View>
              <View className="llt-chart__figure">{figure(value, series[s])}</View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
