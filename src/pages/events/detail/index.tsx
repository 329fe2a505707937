import { Image, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventView } from '@core/contract';
import { AUDIENCE_LABELS, EVENT_CATEGORY_LABELS, formatHours } from '@core/domain/events';
import { formatDateTime, formatSpan } from '@core/time';
import { eventBadge } from '../../../components/event-card/badge';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';
import { askForReminders } from '../../../services/subscribe';

/** Why the 报名 button is not offered, when the server says a tap would not take. */
const NO_SIGNUP: Partial<Record<EventView['signup'], (e: EventView) => string>> = {
  closed: () => '报名已截止',
  not_eligible: (e) => `本活动仅限${AUDIENCE_LABELS[e.audience]}报名`,
};

function Details({ event }: { event: EventView }) {
  const badge = eventBadge(event);
  return (
    <>
      {event.coverUrl ? <Image src={event.coverUrl} mode="widthFix" style={{ width: '100%' }} /> : null}
      <Section title={event.title}>
        <View className="muted" data-testid="event-badge">
          {EVENT_CATEGORY_LABELS[event.category]} · {badge.text}
        </View>
        <View>时间：{formatSpan(event.startAt, event.endAt)}</View>
        <View>地点：{event.place}</View>
        <View>
          名额：{event.confirmedCount}/{event.capacity}
          {event.waitlistCount > 0 ? `（候补 ${event.waitlistCount} 人）` : ''}
        </View>
        <View>报名对象：{AUDIENCE_LABELS[event.audience]}</View>
        <View>报名截止：{formatDateTime(event.signupDeadline)}</View>
        <View>
          志愿积分：每小时 {event.pointsPerHour} 分，最多 {event.maxPoints} 分
        </View>
        {event.leaderNames.length > 0 && <View>负责人：{event.leaderNames.join('、')}</View>}
        <View className="muted">主办：{event.organiser}</View>
        {event.cancelReason && <View className="text-danger">取消原因：{event.cancelReason}</View>}
      </Section>
      {event.description && <Section>{event.description}</Section>}
      {event.mine && event.mine.status !== 'cancelled' && (
        <Section title={`我的报名：${badge.text}`} testId="my-participation">
          {event.mine.checkInAt && <View>签到：{formatDateTime(event.mine.checkInAt)}</View>}
          {event.mine.checkOutAt && <View>签退：{formatDateTime(event.mine.checkOutAt)}</View>}
          {event.mine.minutes !== null && (
            <View>
              服务时长 {formatHours(event.mine.minutes)}，获得 {event.mine.points} 积分
            </View>
          )}
        </Section>
      )}
    </>
  );
}

export default function EventDetail() {
  const { id = '' } = useParams('eventDetail');
  const event = useCall('events', 'get', { eventId: id });
  const signUp = useAction('events', 'signUp', {
    done: (e) => (e.mine?.status === 'confirmed' ? '报名成功' : '已加入候补'),
  });
  const cancel = useAction('events', 'cancelSignUp', {
    confirm: { title: '取消报名', content: '名额将让给候补的邻居。确定取消吗？', confirmText: '取消报名' },
    done: '已取消报名',
  });

  const join = async (eventId: EventView['id']) => {
    if (signUp.busy) return;
    // The reminder consent must be asked during the tap, before the request.
    await askForReminders();
    const joined = await signUp.run({ eventId });
    if (joined) event.setData(joined);
  };
  const leave = async (eventId: EventView['id']) => {
    const left = await cancel.run({ eventId });
    if (left) event.setData(left);
  };

  return (
    <PageShell>
      <Loaded state={event} skeleton="detail">
        {(e) => (
          <>
            <Details event={e} />
            <View className="form-actions">
              {(e.signup === 'confirmed' || e.signup === 'waitlisted') && (
                <Button
                  type="primary"
                  block
                  size="large"
                  loading={signUp.busy}
                  onClick={() => void join(e.id)}
                >
                  {e.signup === 'confirmed' ? '立即报名' : '加入候补'}
                </Button>
              )}
              {NO_SIGNUP[e.signup] && e.phase === 'upcoming' && (
                <View className="muted center">{NO_SIGNUP[e.signup]?.(e)}</View>
              )}
              {e.mayCancel && (
                <Button block loading={cancel.busy} onClick={() => void leave(e.id)}>
                  取消报名
                </Button>
              )}
            </View>
            {e.mayRun && (
              <View className="form-actions actions">
                <Button type="primary" onClick={() => go('leaderCode', { id: e.id })}>
                  签到码
                </Button>
                <Button onClick={() => go('leaderParticipants', { id: e.id })}>参与者与时长</Button>
                <Button onClick={() => go('staffEventHub', { id: e.id })}>活动管理</Button>
              </View>
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
