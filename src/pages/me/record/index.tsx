import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { formatHours } from '@core/domain/events';
import { formatSpan } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

type Record = OutputOf<'events', 'myServiceRecord'>;

export default function ServiceRecord() {
  const [record, setRecord] = useState<Record | null>(null);
  useDidShow(() => {
    void call('events', 'myServiceRecord', {}).then((res) => (res.ok ? setRecord(res.data) : showError(res)));
  });

  if (record && record.rows.length === 0) {
    return (
      <PageShell>
        <Empty title="还没有服务记录" description="参加志愿服务并签到签退后，这里会记下您的每一次付出" />
      </PageShell>
    );
  }

  return (
    <PageShell>
      {record && (
        <View className="balance-card" data-testid="record-total">
          <View>累计志愿服务</View>
          <View className="balance-card__value">{formatHours(record.totalMinutes)}</View>
          <View className="balance-card__row">
            {record.years.map((y) => (
              <View key={y.year}>
                {y.year}年 {formatHours(y.minutes)} · {y.count}次
              </View>
            ))}
          </View>
        </View>
      )}
      <View className="section">
        {record?.rows.map((row) => (
          <View key={row.eventId} className="list-item" data-testid="record-row">
            <View className="row">
              <View className="section__title">{row.title}</View>
              <View>{formatHours(row.minutes)}</View>
            </View>
            <View className="muted">
              {formatSpan(row.startAt, row.endAt)} · {row.organiser} · {row.points} 积分
            </View>
          </View>
        ))}
      </View>
      {record && (
        <View className="form-actions">
          <Button
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: '/pages/me/certificate/index' })}
          >
            查看志愿服务证明
          </Button>
        </View>
      )}
    </PageShell>
  );
}
