import { useState } from 'react';
import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import type { DashboardView } from '@core/contract';
import { SERIES_GROUPS, SERIES_LABELS, seriesValue } from '@core/domain/dashboard';
import { formatDateTime } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { MonthChart } from './month-chart';

function Today({ view }: { view: DashboardView }) {
  const { current } = view;
  const figures: [string, number][] = [
    ['积分结余', current.pointsOutstanding],
    ['逾期心愿', current.wishesOverdue],
    ['待初审提议', current.proposalsPending],
    ['进行中的微实事', current.projectsInProgress],
  ];
  return (
    <Section title="当前" testId="dashboard-today">
      <View className="llt-figures">
        {figures.map(([label, value]) => (
          <View key={label} className="llt-figures__item">
            <View className="llt-figures__value">{value}</View>
            <View className="muted">{label}</View>
          </View>
        ))}
      </View>
      <View className="section__title">库存不足（{current.lowStockCount} 种）</View>
      {current.lowStock.map((g) => (
        <ListRow key={g.id} title={g.name} extra={`余 ${g.stock}`} />
      ))}
      {current.lowStockCount > current.lowStock.length && (
        <View className="muted">
          另有 {current.lowStockCount - current.lowStock.length} 种，见爱心超市管理
        </View>
      )}
    </Section>
  );
}

function Turnout({ view }: { view: DashboardView }) {
  if (view.turnout.length === 0) return null;
  return (
    <Section title="百姓点菜投票参与">
      {view.turnout.map((r) => (
        <ListRow
          key={r.roundId}
          title={r.title}
          description={`计票于 ${formatDateTime(r.closedAt)}`}
          extra={`${r.voters}/${r.eligible} 人 · ${r.eligible ? Math.round((r.voters / r.eligible) * 100) : 0}%`}
        />
      ))}
      {view.moreRounds && <View className="muted">只列出最近 {view.turnout.length} 轮</View>}
    </Section>
  );
}

/** 数据看板: this month and the eleven before it, for the monthly report to the 街道 and 民政. */
export default function Dashboard() {
  const stats = useCall('dashboard', 'stats', {});
  const [group, setGroup] = useState(SERIES_GROUPS[0].title);
  const charts = SERIES_GROUPS.find((g) => g.title === group)?.series ?? [];
  return (
    <PageShell>
      <Loaded state={stats} skeleton="cards">
        {(view) => (
          <>
            <Today view={view} />
            <Tabs value={group} onChange={(value) => setGroup(String(value))}>
              {SERIES_GROUPS.map((g) => (
                <Tabs.TabPane key={g.title} value={g.title} title={g.title} />
              ))}
            </Tabs>
            {charts.map((key) => (
              <MonthChart
                key={key}
                title={SERIES_LABELS[key].label}
                unit={SERIES_LABELS[key].unit}
                note={SERIES_LABELS[key].note}
                labels={view.months.map((m) => m.label)}
                values={view.series[key].map((v) => seriesValue(key, v))}
              />
            ))}
            <Turnout view={view} />
            <View className="muted center">统计于 {formatDateTime(view.generatedAt)}</View>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
