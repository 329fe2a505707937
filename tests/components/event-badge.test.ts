import { eventBadge } from '../../src/components/event-card/badge';
import { eventFixture } from './support/fixtures';

const event = eventFixture;

const mine = (status: 'confirmed' | 'waitlisted', waitlistPosition: number | null = null) => ({
  status,
  waitlistPosition,
  checkInAt: null,
  checkOutAt: null,
  minutes: null,
  points: null,
});

// The badge reads the server's flags (phase, signup), not this phone's clock or the counts.
test.each([
  ['open', '可报名', event()],
  ['full', '已满·可候补', event({ confirmedCount: 2, signup: 'waitlisted' })],
  ['past the deadline', '报名已截止', event({ signup: 'closed' })],
  ['for volunteers only', '仅限注册志愿者', event({ audience: 'volunteers', signup: 'not_eligible' })],
  ['a draft', '未开放报名', event({ status: 'draft', phase: 'draft', signup: 'not_open' })],
  ['signed up', '已报名', event({ confirmedCount: 2, signup: 'joined', mine: mine('confirmed') })],
  ['waiting', '候补第3位', event({ signup: 'joined', mine: mine('waitlisted', 3) })],
  ['under way', '进行中', event({ phase: 'ongoing' })],
  ['over', '已结束', event({ phase: 'ended', mine: mine('confirmed') })],
  ['cancelled', '已取消', event({ phase: 'cancelled', status: 'cancelled', mine: mine('confirmed') })],
])('%s → %s', (_case, text, view) => {
  expect(eventBadge(view).text).toBe(text);
});
