import { useCallback, useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Cell, Empty, Switch, Tabs } from '@nutui/nutui-react-taro';
import type { RankingView } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

type Period = 'month' | 'all';

export default function Ranking() {
  const [period, setPeriod] = useState<Period>('month');
  const [ranking, setRanking] = useState<RankingView | null>(null);

  const load = useCallback(async () => {
    const res = await call('points', 'ranking', { period });
    if (res.ok) setRanking(res.data);
    else showError(res);
  }, [period]);

  useEffect(() => void load(), [load]);

  const setHidden = async (hidden: boolean) => {
    const res = await call('points', 'setRankingVisibility', { hidden });
    if (!res.ok) return showError(res);
    await load();
  };

  return (
    <PageShell>
      <Tabs value={period} onChange={(value) => setPeriod(value as Period)}>
        <Tabs.TabPane value="month" title="本月" />
        <Tabs.TabPane value="all" title="总榜" />
      </Tabs>
      {ranking && (
        <View className="section muted">
          {ranking.me.hidden
            ? '您已选择不在排行榜中显示'
            : ranking.me.rank
              ? `我的排名：第 ${ranking.me.rank} 名（${ranking.me.points} 分）`
              : `我的积分：${ranking.me.points} 分，继续加油`}
        </View>
      )}
      {ranking?.rows.length === 0 && <Empty title="暂无排行" />}
      <View className="section">
        {ranking?.rows.map((row) => (
          <View key={`${row.rank}-${row.nickname}`} className="list-item row" data-testid="ranking-row">
            <View>
              {row.rank}. {row.nickname}
              {row.isMe ? '（我）' : ''}
            </View>
            <View>{row.points} 分</View>
          </View>
        ))}
      </View>
      <Cell
        title="在排行榜中显示我"
        extra={<Switch checked={!ranking?.me.hidden} onChange={(shown) => void setHidden(!shown)} />}
      />
    </PageShell>
  );
}
