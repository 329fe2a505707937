import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Empty, Tabs } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { EventCard } from '../../../components/event-card';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

type Mine = OutputOf<'events', 'mine'>;
type Section = keyof Mine;
const TITLES: Record<Section, string> = {
  upcoming: '即将参加',
  waitlisted: '候补中',
  past: '已结束',
  leading: '我负责的',
};

export default function MyEvents() {
  const [tab, setTab] = useState<Section>('upcoming');
  const [mine, setMine] = useState<Mine | null>(null);

  useDidShow(() => {
    void call('events', 'mine', {}).then((res) => (res.ok ? setMine(res.data) : showError(res)));
  });

  const list = mine?.[tab] ?? [];
  return (
    <PageShell>
      <Tabs value={tab} onChange={(v) => setTab(v as Section)}>
        {(Object.keys(TITLES) as Section[]).map((s) => (
          <Tabs.TabPane key={s} value={s} title={`${TITLES[s]}${mine ? ` ${mine[s].length}` : ''}`} />
        ))}
      </Tabs>
      {mine && list.length === 0 && <Empty title="暂无活动" />}
      {list.map((event) => (
        <EventCard
          key={event.id}
          event={event}
          now={Date.now()}
          onOpen={(e) => void Taro.navigateTo({ url: `/pages/events/detail/index?id=${e.id}` })}
        />
      ))}
    </PageShell>
  );
}
