import { useState } from 'react';
import { Tabs } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { EventCard } from '../../../components/event-card';
import { EmptyState } from '../../../components/empty-state';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { useCall } from '../../../hooks/use-call';
import { go } from '../../../services/navigation';

type Section = keyof OutputOf<'events', 'mine'>;
const TITLES: Record<Section, string> = {
  upcoming: '即将参加',
  waitlisted: '候补中',
  past: '已结束',
  leading: '我负责的',
};

export default function MyEvents() {
  const [tab, setTab] = useState<Section>('upcoming');
  const mine = useCall('events', 'mine', {});
  return (
    <PageShell>
      <Tabs value={tab} onChange={(v) => setTab(v as Section)}>
        {(Object.keys(TITLES) as Section[]).map((s) => (
          <Tabs.TabPane
            key={s}
            value={s}
            title={`${TITLES[s]}${mine.data ? ` ${mine.data[s].length}` : ''}`}
          />
        ))}
      </Tabs>
      <Loaded state={mine} skeleton="cards">
        {(all) =>
          all[tab].length === 0 ? (
            <EmptyState
              title="暂无活动"
              description={tab === 'leading' ? '社区安排您负责的活动会出现在这里' : undefined}
              action={tab === 'leading' ? undefined : { text: '去报名活动', onClick: () => go('events') }}
            />
          ) : (
            all[tab].map((event) => (
              <EventCard key={event.id} event={event} onOpen={(e) => go('eventDetail', { id: e.id })} />
            ))
          )
        }
      </Loaded>
    </PageShell>
  );
}
