import type { EventView } from '@core/contract';
import { AUDIENCE_LABELS } from '@core/domain/events';

export interface Badge {
  text: string;
  tone: 'primary' | 'success' | 'warning' | 'default' | 'danger';
}

/**
 * The one word a resident needs on an event: can I still join, and am I in? Read from the
 * server's phase and sign-up outcome, never this phone's clock.
 */
export function eventBadge(event: EventView): Badge {
  if (event.phase === 'cancelled') return { text: '已取消', tone: 'danger' };
  if (event.phase === 'ended') return { text: '已结束', tone: 'default' };
  if (event.mine?.status === 'confirmed') return { text: '已报名', tone: 'success' };
  if (event.mine?.status === 'waitlisted')
    return { text: `候补第${event.mine.waitlistPosition}位`, tone: 'warning' };
  if (event.phase === 'ongoing') return { text: '进行中', tone: 'primary' };
  switch (event.signup) {
    case 'closed':
      return { text: '报名已截止', tone: 'default' };
    case 'waitlisted':
      return { text: '已满·可候补', tone: 'warning' };
    case 'not_eligible':
      return { text: `仅限${AUDIENCE_LABELS[event.audience]}`, tone: 'default' };
    case 'not_open':
      return { text: '未开放报名', tone: 'default' };
    default:
      return { text: '可报名', tone: 'primary' };
  }
}
