import type { EventView } from '@core/contract';

export interface Badge {
  text: string;
  tone: 'primary' | 'success' | 'warning' | 'default' | 'danger';
}

/** The one word a resident needs on an event: can I still join, and am I in? */
export function eventBadge(event: EventView, now: number): Badge {
  if (event.phase === 'cancelled') return { text: '已取消', tone: 'danger' };
  if (event.phase === 'ended') return { text: '已结束', tone: 'default' };
  if (event.mine?.status === 'confirmed') return { text: '已报名', tone: 'success' };
  if (event.mine?.status === 'waitlisted')
    return { text: `候补第${event.mine.waitlistPosition}位`, tone: 'warning' };
  if (event.phase === 'ongoing') return { text: '进行中', tone: 'primary' };
  if (now > event.signupDeadline) return { text: '报名已截止', tone: 'default' };
  if (event.confirmedCount >= event.capacity) return { text: '已满·可候补', tone: 'warning' };
  return { text: '可报名', tone: 'primary' };
}
