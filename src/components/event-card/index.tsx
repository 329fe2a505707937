import { Image, View } from '@tarojs/components';
import type { EventView } from '@core/contract';
import { EVENT_CATEGORY_LABELS, formatHours } from '@core/domain/events';
import { formatSpan } from '@core/time';
import { Badge } from '../badge';
import { eventBadge } from './badge';
import './index.scss';

interface Props {
  event: EventView;
  onOpen(event: EventView): void;
}

/** An event in a list: its cover, when and where, the seats, and whether the viewer is in. */
export function EventCard({ event, onOpen }: Props) {
  const badge = eventBadge(event);
  const served = event.mine?.minutes;
  return (
    <View className="section tap llt-event-card" onClick={() => onOpen(event)} data-testid="event-card">
      {event.coverUrl ? (
        <Image className="llt-event-card__cover" src={event.coverUrl} mode="aspectFill" lazyLoad />
      ) : null}
      <View className="row">
        <View className="section__title llt-event-card__title">{event.title}</View>
        <Badge tone={badge.tone}>{badge.text}</Badge>
      </View>
      <View className="muted">
        {EVENT_CATEGORY_LABELS[event.category]} · {formatSpan(event.startAt, event.endAt)}
      </View>
      <View className="muted">
        {event.place} · 已报名 {event.confirmedCount}/{event.capacity}
        {event.waitlistCount > 0 ? ` · 候补 ${event.waitlistCount}` : ''}
      </View>
      {served !== null && served !== undefined && (
        <View className="muted">
          服务 {formatHours(served)} · 获得 {event.mine?.points} 积分
        </View>
      )}
    </View>
  );
}
