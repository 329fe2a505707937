import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { EventView } from '@core/contract';
import { EVENT_CATEGORY_LABELS } from '@core/domain/events';
import { formatSpan } from '@core/time';
import { eventBadge } from './badge';

interface Props {
  event: EventView;
  now: number;
  onOpen(event: EventView): void;
}

export function EventCard({ event, now, onOpen }: Props) {
  const badge = eventBadge(event, now);
  return (
    <View className="section tap" onClick={() => onOpen(event)} data-testid="event-card">
      <View className="row">
        <View className="section__title">{event.title}</View>
        <Tag type={badge.tone}>{badge.text}</Tag>
      </View>
      <View className="muted">
        {EVENT_CATEGORY_LABELS[event.category]} · {formatSpan(event.startAt, event.endAt)}
      </View>
      <View className="muted">
        {event.place} · 已报名 {event.confirmedCount}/{event.capacity}
        {event.waitlistCount > 0 ? ` · 候补 ${event.waitlistCount}` : ''}
      </View>
      {event.mine?.minutes !== null && event.mine?.minutes !== undefined && (
        <View className="muted">
          服务 {Math.round((event.mine.minutes / 60) * 10) / 10} 小时 · 获得 {event.mine.points} 积分
        </View>
      )}
    </View>
  );
}
