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
  ['open', event(), '可报名'],
  ['full', event({ confirmedCount: 2, signup: 'waitlisted' }), '已满·可候补'],
  ['past the deadline', event({ signup: 'closed' }), '报名已截止'],
  ['for volunteers only', event({ audience: 'volunteers', signup: 'not_eligible' }), '仅限注册志愿者'],
  ['a draft', event({ status: 'draft', phase: 'draft', signup: 'not_open' }), '未开放报名'],
  ['signed up', event({ confirmedCount: 2, signup: 'joined', mine: mine('confirmed') }), '已报名'],
  ['waiting', event({ signup: 'joined', mine: mine('waitlisted', 3) }), '候补第3位'],
  ['under way', event({ phase: 'ongoing' }), '进行中'],
  ['over', event({ phase: 'ended', mine: mine('confirmed') }), '已结束'],
  ['cancelled', event({ phase: 'cancelled', status: 'cancelled', mine: mine('confirmed') }), '已取消'],
])('%s → %s', (_case, view, text) => {
  expect(eventBadge(view).text).toBe(text);
});
