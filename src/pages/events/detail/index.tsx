import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventView } from '@core/contract';
import { AUDIENCE_LABELS, EVENT_CATEGORY_LABELS } from '@core/domain/events';
import { formatDateTime, formatSpan } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { eventBadge } from '../../../components/event-card/badge';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';
import { askForReminders } from '../../../services/subscribe';
import { hasRole, useSession } from '../../../stores/session';

export default function EventDetail() {
  const { params } = useRouter();
  const user = useSession((s) => s.user);
  const [event, setEvent] = useState<EventView | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const res = await call('events', 'get', { eventId: params.id ?? '' });
    if (res.ok) setEvent(res.data);
    else showError(res);
  }, [params.id]);
  useDidShow(() => void load());

  if (!event) return <PageShell>{null}</PageShell>;
  const now = Date.now();
  const badge = eventBadge(event, now);
  const open = event.phase === 'upcoming' && now <= event.signupDeadline;
  const leads = event.isLeader || hasRole(user, 'staff');

  const signUp = async () => {
    await askForReminders();
    setBusy(true);
    const res = await call('events', 'signUp', { eventId: event.id });
    setBusy(false);
    if (!res.ok) return showError(res);
    setEvent(res.data);
    showDone(res.data.mine?.status === 'confirmed' ? '报名成功' : '已加入候补');
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: '名额将让给候补的邻居。确定取消吗？',
    });
    if (!confirm) return;
    const res = await call('events', 'cancelSignUp', { eventId: event.id });
    if (!res.ok) return showError(res);
    setEvent(res.data);
    showDone('已取消报名');
  };

  const go = (url: string) => () => void Taro.navigateTo({ url });

  return (
    <PageShell>
      {event.coverUrl ? <Image src={event.coverUrl} mode="widthFix" style={{ width: '100%' }} /> : null}
      <View className="section">
        <View className="section__title">{event.title}</View>
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
      </View>
      {event.description && <View className="section">{event.description}</View>}
      {event.mine && event.mine.status !== 'cancelled' && (
        <View className="section" data-testid="my-participation">
          <View className="section__title">我的报名：{badge.text}</View>
          {event.mine.checkInAt && <View>签到：{formatDateTime(event.mine.checkInAt)}</View>}
          {event.mine.checkOutAt && <View>签退：{formatDateTime(event.mine.checkOutAt)}</View>}
          {event.mine.minutes !== null && (
            <View>
              服务时长 {Math.round((event.mine.minutes / 60) * 10) / 10} 小时，获得 {event.mine.points} 积分
            </View>
          )}
        </View>
      )}
      <View className="form-actions">
        {open && (!event.mine || event.mine.status === 'cancelled') && (
          <Button type="primary" block size="large" loading={busy} onClick={() => void signUp()}>
            {event.confirmedCount >= event.capacity ? '加入候补' : '立即报名'}
          </Button>
        )}
        {open && event.mine && event.mine.status !== 'cancelled' && (
          <Button block onClick={() => void cancel()}>
            取消报名
          </Button>
        )}
      </View>
      {leads && (
        <View className="form-actions actions">
          <Button type="primary" onClick={go(`/packages/leader/code/index?id=${event.id}`)}>
            签到码
          </Button>
          <Button onClick={go(`/packages/leader/participants/index?id=${event.id}`)}>参与者与时长</Button>
        </View>
      )}
    </PageShell>
  );
}
