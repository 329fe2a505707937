import { useState } from 'react';
import { View } from '@tarojs/components';
import { Cell, Switch, Tabs } from '@nutui/nutui-react-taro';
import type { RankingView } from '@core/contract';
import { Avatar } from '../../../components/avatar';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { Podium } from './podium';
import './index.scss';

type Period = 'month' | 'all';

function standing(me: RankingView['me']): string {
  if (me.hidden) return '您已选择不在排行榜中显示';
  return me.rank ? `我的排名：第 ${me.rank} 名（${me.points} 分）` : `我的积分：${me.points} 分，继续加油`;
}

/** 积分排行: points earned this month (opening balances carried over from paper do not count) or in all. */
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
        {(r) => {
          const onPodium = r.rows.filter((row) => row.rank <= 3).slice(0, 3);
          const rest = r.rows.slice(onPodium.length);
          return (
            <>
              <Section className="muted">{standing(r.me)}</Section>
              {r.rows.length === 0 && <Section className="muted">暂无排行</Section>}
              <Podium rows={onPodium} />
              {rest.length > 0 && (
                <Section>
                  {rest.map((row) => (
                    <ListRow
                      key={`${row.rank}-${row.nickname}`}
                      testId="ranking-row"
                      title={
                        <View className="llt-ranking__row">
                          <View className="nowrap">{row.rank}.</View>
                          <Avatar name={row.nickname} url={row.avatarUrl} />
                          <View>
                            {row.nickname}
                            {row.isMe ? '（我）' : ''}
                          </View>
                        </View>
                      }
                      extra={`${row.points} 分`}
                    />
                  ))}
                </Section>
              )}
              <Cell
                title="公开我的排名"
                extra={<Switch checked={!r.me.hidden} onChange={(shown) => void setHidden(!shown)} />}
              />
            </>
          );
        }}
      </Loaded>
    </PageShell>
  );
}
