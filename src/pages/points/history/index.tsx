import { useCallback, useEffect, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import type { EntryView, HistoryCursor } from '@core/contract';
import { groupByMonth } from '@core/domain/points';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

/** Every credit and debit, grouped by month, each with its reason in plain words. */
export default function History() {
  const [entries, setEntries] = useState<EntryView[] | null>(null);
  const [next, setNext] = useState<HistoryCursor | null>(null);

  const load = useCallback(async (cursor?: HistoryCursor) => {
    const res = await call('points', 'myHistory', cursor ? { cursor } : {});
    if (!res.ok) return showError(res);
    setEntries((current) => (cursor ? [...(current ?? []), ...res.data.entries] : res.data.entries));
    setNext(res.data.next);
  }, []);

  useEffect(() => void load(), [load]);
  useReachBottom(() => {
    if (next) void load(next);
  });

  if (entries?.length === 0) {
    return (
      <PageShell>
        <Empty title="还没有积分记录" description="参加志愿服务即可获得积分" />
      </PageShell>
    );
  }

  return (
    <PageShell>
      {groupByMonth(entries ?? []).map((month) => (
        <View key={month.key} className="section">
          <View className="row section__title">
            <View>{month.label}</View>
            <View className="muted">
              合计 {month.net > 0 ? '+' : ''}
              {month.net}
            </View>
          </View>
          {month.entries.map((entry) => (
            <View key={entry.id} className="list-item row" data-testid="history-entry">
              <View>
                <View>{entry.description}</View>
                <View className="muted">{formatDateTime(entry.createdAt)}</View>
              </View>
              <View className={entry.amount > 0 ? 'amount--plus' : 'amount--minus'}>
                {entry.amount > 0 ? '+' : ''}
                {entry.amount}
              </View>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
