import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import type { OutputOf } from '@core/contract';
import { ORGANISER_NAME } from '@core/domain/community';
import { formatHours } from '@core/domain/events';
import { inCommunityTz } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

type Record = OutputOf<'events', 'myServiceRecord'>;

const day = (ms: number) => inCommunityTz(ms).format('YYYY年M月D日');

/**
 * 志愿服务证明 with what 民政部令第67号 asks for: the volunteer's name, the service period,
 * its content, the hours, and the organiser who recorded them.
 */
export default function Certificate() {
  const [record, setRecord] = useState<Record | null>(null);
  useEffect(() => {
    void call('events', 'myServiceRecord', {}).then((res) => (res.ok ? setRecord(res.data) : showError(res)));
  }, []);
  if (!record) return <PageShell>{null}</PageShell>;

  const dates = record.rows.map((r) => r.startAt);
  const period = dates.length ? `${day(Math.min(...dates))}至${day(Math.max(...dates))}` : '—';
  return (
    <PageShell>
      <View className="certificate" data-testid="certificate">
        <View className="certificate__title">志愿服务证明</View>
        <View className="certificate__body">
          兹证明 <View className="certificate__strong">{record.realName}</View> 同志于 {period} 期间，在
          {ORGANISER_NAME}
          参加志愿服务活动 {record.rows.length} 次，累计服务时长{' '}
          <View className="certificate__strong">{formatHours(record.totalMinutes)}</View>。
        </View>
        <View className="certificate__section">服务内容：</View>
        {record.rows.map((row) => (
          <View key={row.eventId} className="certificate__row">
            {day(row.startAt)} {row.title}（{formatHours(row.minutes)}）
          </View>
        ))}
        <View className="certificate__sign">{ORGANISER_NAME}</View>
        <View className="certificate__sign">{inCommunityTz(Date.now()).format('YYYY年M月D日')}</View>
        <View className="muted">
          依据《志愿服务记录与证明出具办法》出具，记录由社区如实登记。长按或截屏即可保存。
        </View>
      </View>
    </PageShell>
  );
}
