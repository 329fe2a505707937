import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Empty, Tabs } from '@nutui/nutui-react-taro';
import type { EventView } from '@core/contract';
import { EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, type EventCategory } from '@core/domain/events';
import { DAY_MS } from '@core/time';
import { PageShell } from '../../components/page-shell';
import { EventCard } from '../../components/event-card';
import { call } from '../../services/cloud';
import { showError } from '../../services/feedback';

type CategoryFilter = EventCategory | 'all';
type DayFilter = 'all' | 'today' | 'tomorrow';

const go = (url: string) => () => void Taro.navigateTo({ url });

export default function Events() {
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [day, setDay] = useState<DayFilter>('all');
  const [events, setEvents] = useState<EventView[] | null>(null);

  const load = useCallback(async () => {
    const now = Date.now();
    const res = await call('events', 'list', {
      category: category === 'all' ? undefined : category,
      day: day === 'all' ? undefined : day === 'today' ? now : now + DAY_MS,
    });
    if (res.ok) setEvents(res.data);
    else showError(res);
  }, [category, day]);

  useDidShow(() => void load());

  return (
    <PageShell>
      <Tabs value={category} onChange={(v) => setCategory(v as CategoryFilter)}>
        <Tabs.TabPane value="all" title="全部" />
        {EVENT_CATEGORIES.map((c) => (
          <Tabs.TabPane key={c} value={c} title={EVENT_CATEGORY_LABELS[c]} />
        ))}
      </Tabs>
      <View className="form-actions actions">
        {(['all', 'today', 'tomorrow'] as const).map((d) => (
          <Button key={d} size="small" type={day === d ? 'primary' : 'default'} onClick={() => setDay(d)}>
            {{ all: '全部日期', today: '今天', tomorrow: '明天' }[d]}
          </Button>
        ))}
      </View>
      <View className="form-actions actions">
        <Button onClick={go('/pages/events/mine/index')}>我的活动</Button>
        <Button type="primary" onClick={go('/pages/events/scan/index')}>
          扫码签到
        </Button>
      </View>
      {events?.length === 0 && <Empty title="暂无活动" description="换个分类或日期看看" />}
      {events?.map((event) => (
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
