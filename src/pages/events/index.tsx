import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, type EventCategory } from '@core/domain/events';
import { DAY_MS, startOfDay } from '@core/time';
import { EventCard } from '../../components/event-card';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';
import { go } from '../../services/navigation';

type CategoryFilter = EventCategory | 'all';
type DayFilter = 'all' | 'today' | 'tomorrow';
const DAY_LABELS: Record<DayFilter, string> = { all: '全部日期', today: '今天', tomorrow: '明天' };

/** The community day a filter means (its start, so the request stays the same all day). */
function dayOf(filter: DayFilter): number | undefined {
  if (filter === 'all') return undefined;
  return startOfDay(Date.now()) + (filter === 'tomorrow' ? DAY_MS : 0);
}

export default function Events() {
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [day, setDay] = useState<DayFilter>('all');
  const events = useCall('events', 'list', {
    category: category === 'all' ? undefined : category,
    day: dayOf(day),
  });

  return (
    <PageShell>
      <Tabs value={category} onChange={(v) => setCategory(v as CategoryFilter)}>
        <Tabs.TabPane value="all" title="全部" />
        {EVENT_CATEGORIES.map((c) => (
          <Tabs.TabPane key={c} value={c} title={EVENT_CATEGORY_LABELS[c]} />
        ))}
      </Tabs>
      <View className="form-actions actions">
        {(Object.keys(DAY_LABELS) as DayFilter[]).map((d) => (
          <Button key={d} size="small" type={day === d ? 'primary' : 'default'} onClick={() => setDay(d)}>
            {DAY_LABELS[d]}
          </Button>
        ))}
      </View>
      <View className="form-actions actions">
        <Button onClick={() => go('myEvents')}>我的活动</Button>
        <Button type="primary" onClick={() => go('scan')}>
          扫码签到
        </Button>
      </View>
      <Loaded
        state={events}
        skeleton="cards"
        empty={{ title: '暂无活动', description: '换个分类或日期看看' }}
      >
        {(list) =>
          list.map((event) => (
            <EventCard key={event.id} event={event} onOpen={(e) => go('eventDetail', { id: e.id })} />
          ))
        }
      </Loaded>
    </PageShell>
  );
}
