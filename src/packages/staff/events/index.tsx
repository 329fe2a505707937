import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { EVENT_PHASES, EVENT_PHASE_LABELS, type EventPhase } from '@core/domain/events';
import { EventCard } from '../../../components/event-card';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

type Filter = EventPhase | 'all';
const FILTERS: Filter[] = ['all', ...EVENT_PHASES];

/** 活动管理: every event, by phase — drafts, upcoming, ongoing, ended, cancelled — latest first. */
export default function ManageEvents() {
  const [filter, setFilter] = useState<Filter>('all');
  const events = usePaged('events', 'allEvents', filter === 'all' ? {} : { phase: filter });
  const create = () => go('staffEventEdit', {});
  return (
    <PageShell>
      <View className="form-actions">
        <Button type="primary" block onClick={create}>
          发布新活动
        </Button>
      </View>
      <Tabs value={filter} onChange={(value) => setFilter(value as Filter)}>
        {FILTERS.map((f) => (
          <Tabs.TabPane key={f} value={f} title={f === 'all' ? '全部' : EVENT_PHASE_LABELS[f]} />
        ))}
      </Tabs>
      <Loaded
        state={events}
        skeleton="cards"
        empty={{ title: '没有这类活动', action: { text: '发布新活动', onClick: create } }}
      >
        {(list) => (
          <>
            {list.map((event) => (
              <View key={event.id}>
                <View className="muted" style={{ margin: '0 24px' }}>
                  {EVENT_PHASE_LABELS[event.phase]}
                </View>
                <EventCard event={event} onOpen={(e) => go('staffEventHub', { id: e.id })} />
              </View>
            ))}
            <ListFooter list={events} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
