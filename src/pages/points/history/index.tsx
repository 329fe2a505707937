import { View } from '@tarojs/components';
import type { EntryView } from '@core/contract';
import { groupByMonth } from '@core/domain/points';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { SignedNumber } from '../../../components/signed-number';
import { BarChart } from '../../../components/bar-chart';
import { useCall } from '../../../hooks/use-call';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/** Where an entry leads: the order it paid for, the event that earned it. */
function openSource(entry: EntryView): (() => void) | undefined {
  if (entry.sourceType === 'order') return () => go('order', { id: entry.sourceId });
  if (entry.sourceType === 'event') return () => go('eventDetail', { id: entry.sourceId });
  return undefined;
}

const EARNED_SPENT = [
  { name: '获得', unit: '分', tone: 'green' as const },
  { name: '使用', unit: '分', tone: 'brand' as const },
];

/** Points earned and spent in each of the last six months. */
function MonthsChart() {
  const months = useCall('points', 'myMonths', {});
  if (!months.data) return null;
  return (
    <Section title="近半年积分" testId="history-chart">
      <BarChart
        testId="points-chart"
        layout="columns"
        series={EARNED_SPENT}
        bars={months.data.months.map((m) => ({ key: m.key, label: m.label, values: [m.earned, m.spent] }))}
      />
    </Section>
  );
}

/** Every credit and debit, grouped by month, each with its reason in plain words; the months as a chart. */
export default function History() {
  const history = usePaged('points', 'myHistory', {});
  return (
    <PageShell>
      <MonthsChart />
      <Loaded
        state={history}
        skeleton="list"
        empty={{
          title: '还没有积分记录',
          description: '参加志愿服务即可获得积分',
          action: { text: '去报名活动', onClick: () => go('events') },
        }}
      >
        {(entries) => (
          <>
            {groupByMonth(entries).map((month) => (
              <Section
                key={month.key}
                title={month.label}
                extra={
                  <View className="muted">
                    合计 <SignedNumber value={month.net} plain />
                  </View>
                }
              >
                {month.entries.map((entry) => (
                  <ListRow
                    key={entry.id}
                    testId="history-entry"
                    title={entry.description}
                    description={formatDateTime(entry.createdAt)}
                    extra={<SignedNumber value={entry.amount} />}
                    onClick={openSource(entry)}
                  />
                ))}
              </Section>
            ))}
            <ListFooter list={history} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
