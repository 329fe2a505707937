import { useState } from 'react';
import { View } from '@tarojs/components';
import { Cell, Switch, Tabs } from '@nutui/nutui-react-taro';
import type { RankingView } from '@core/contract';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';

type Period = 'month' | 'all';

function standing(me: RankingView['me']): string {
  if (me.hidden) return '您已选择不在排行榜中显示';
  return me.rank ? `我的排名：第 ${me.rank} 名（${me.points} 分）` : `我的积分：${me.points} 分，继续加油`;
}

export default function Ranking() {
  const [period, setPeriod] = useState<Period>('month');
  const ranking = useCall('points', 'ranking', { period });
  const visibility = useAction('points', 'setRankingVisibility');

  const setHidden = async (hidden: boolean) => {
    if (await visibility.run({ hidden })) await ranking.reload();
  };

  return (
    <PageShell>
      <Tabs value={period} onChange={(value) => setPeriod(value as Period)}>
        <Tabs.TabPane value="month" title="本月" />
        <Tabs.TabPane value="all" title="总榜" />
      </Tabs>
      <Loaded state={ranking} skeleton="list">
        {(r) => (
          <>
            <Section className="muted">{standing(r.me)}</Section>
            <Section>
              {r.rows.length === 0 && <View className="muted">暂无排行</View>}
              {r.rows.map((row) => (
                <ListRow
                  key={`${row.rank}-${row.nickname}`}
                  testId="ranking-row"
                  title={`${row.rank}. ${row.nickname}${row.isMe ? '（我）' : ''}`}
                  extra={`${row.points} 分`}
                />
              ))}
            </Section>
            <Cell
              title="在排行榜中显示我"
              extra={<Switch checked={!r.me.hidden} onChange={(shown) => void setHidden(!shown)} />}
            />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
