import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventView } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { EventCard } from '../../../components/event-card';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

const PHASE_LABELS = {
  draft: '草稿',
  cancelled: '已取消',
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
};

export default function ManageEvents() {
  const [events, setEvents] = useState<EventView[]>([]);
  useDidShow(() => {
    void call('events', 'allEvents', {}).then((res) => (res.ok ? setEvents(res.data) : showError(res)));
  });
  return (
    <PageShell>
      <View className="form-actions">
        <Button
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/event-edit/index' })}
        >
          发布新活动
        </Button>
      </View>
      {events.map((event) => (
        <View key={event.id}>
          <View className="muted" style={{ margin: '0 24px' }}>
            {PHASE_LABELS[event.phase]}
          </View>
          <EventCard
            event={event}
            now={Date.now()}
            onOpen={(e) => void Taro.navigateTo({ url: `/packages/staff/event-edit/index?id=${e.id}` })}
          />
        </View>
      ))}
    </PageShell>
  );
}
