import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatHours } from '@core/domain/events';
import { formatSpan } from '@core/time';
import { BarChart } from '../../../components/bar-chart';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { go } from '../../../services/navigation';

const HOURS = [{ name: '服务时长', unit: '小时', tone: 'brand' as const }];

/** 我的服务记录: every service with its hours, totals by year, hours by month, and the certificate. */
export default function ServiceRecord() {
  const record = useCall('events', 'myServiceRecord', {});
  return (
    <PageShell>
      <Loaded
        state={record}
        skeleton="list"
        isEmpty={(r) => r.rows.length === 0}
        empty={{
          title: '还没有服务记录',
          description: '参加志愿服务并签到签退后，这里会记下您的每一次付出',
          action: { text: '去报名活动', onClick: () => go('events') },
        }}
      >
        {(r) => (
          <>
            <View className="balance-card" data-testid="record-total">
              <View>累计志愿服务</View>
              <View className="balance-card__value">{formatHours(r.totalMinutes)}</View>
              <View className="balance-card__row">
                {r.years.map((y) => (
                  <View key={y.year}>
                    {y.year}年 {formatHours(y.minutes)} · {y.count}次
                  </View>
                ))}
              </View>
            </View>
            <Section title="近一年服务时长" testId="record-chart">
              <BarChart
                testId="hours-chart"
                layout="columns"
                series={HOURS}
                bars={r.months.map((m) => ({
                  key: m.key,
                  label: m.label,
                  values: [Math.round(m.minutes / 6) / 10],
                }))}
              />
            </Section>
            <Section>
              {r.rows.map((row) => (
                <ListRow
                  key={row.eventId}
                  testId="record-row"
                  title={<View className="section__title">{row.title}</View>}
                  extra={formatHours(row.minutes)}
                  description={`${formatSpan(row.startAt, row.endAt)} · ${row.organiser} · ${row.points} 积分`}
                  onClick={() => go('eventDetail', { id: row.eventId })}
                />
              ))}
            </Section>
            <View className="form-actions">
              <Button type="primary" block onClick={() => go('certificate')}>
                查看志愿服务证明
              </Button>
            </View>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
