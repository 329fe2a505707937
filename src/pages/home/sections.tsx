import { View } from '@tarojs/components';
import type { EventView, HomeView, RoundSummary } from '@core/contract';
import { formatSpan } from '@core/time';
import { LightButton } from '../../components/light-button';
import { Section } from '../../components/section';
import { go } from '../../services/navigation';

/** A heading over a list, with the way to all of it. */
export function More({ title, onMore }: { title: string; onMore(): void }) {
  return (
    <View className="row llt-home__heading">
      <View className="section__title llt-home__heading-title">{title}</View>
      <View className="llt-home__more tap" onClick={onMore}>
        全部 ›
      </View>
    </View>
  );
}

/** 我的消息, with how many wait unread. */
export function Messages({ unread }: { unread: number }) {
  return (
    <View className="section tap llt-home__link" onClick={() => go('messages')} data-testid="home-messages">
      <View className="section__title llt-home__link-title">我的消息</View>
      <View className={unread > 0 ? 'llt-home__count' : 'muted'}>
        {unread > 0 ? `${unread} 条未读` : '没有新消息'}
      </View>
    </View>
  );
}

/** The next event I hold a seat for: when and where at a glance, or the way to find one. */
export function NextEvent({ event }: { event: EventView | null }) {
  if (!event) {
    return (
      <Section title="我的下次活动" testId="home-next-event">
        <View className="muted">还没有报名的活动。</View>
        <View className="actions">
          <LightButton type="primary" onClick={() => go('events')}>
            去看看活动
          </LightButton>
        </View>
      </Section>
    );
  }
  return (
    <View
      className="section tap llt-home__next"
      onClick={() => go('eventDetail', { id: event.id })}
      data-testid="home-next-event"
    >
      <View className="muted">我的下次活动</View>
      <View className="section__title">{event.title}</View>
      <View>{formatSpan(event.startAt, event.endAt)}</View>
      <View className="muted">{event.place}</View>
    </View>
  );
}

/** 微心愿 waiting for someone: how many, and the newest. */
export function OpenWishes({ wishes }: { wishes: HomeView['wishes'] }) {
  return (
    <Section
      title="微心愿"
      extra={<View className="llt-home__count">{wishes.open} 个待认领</View>}
      testId="home-wishes"
    >
      {wishes.latest.map((w) => (
        <View key={w.id} className="list-item tap" onClick={() => go('wishDetail', { id: w.id })}>
          <View>{w.title}</View>
          <View className="muted">
            {w.categoryLabel} · {w.recipient}
          </View>
        </View>
      ))}
      {wishes.latest.length === 0 && <View className="muted">邻居们的心愿都有人帮了。</View>}
      <View className="actions">
        <LightButton onClick={() => go('wishWall')}>去心愿墙看看</LightButton>
      </View>
    </Section>
  );
}

/** The 百姓点菜 round now: its phase, when, and the way to vote or to see it. */
export function OpenRound({ round }: { round: RoundSummary }) {
  return (
    <Section
      title="百姓点菜"
      extra={<View className="llt-home__count">{round.phaseLabel}</View>}
      testId="home-round"
    >
      <View>{round.title}</View>
      <View className="muted">投票时间：{formatSpan(round.startAt, round.endAt)}</View>
      <View className="actions">
        <LightButton
          type={round.mayVote ? 'primary' : 'default'}
          onClick={() => go('voteRound', { id: round.id })}
        >
          {round.mayVote ? '去投票' : round.hasVoted ? '已投票，看结果' : '查看详情'}
        </LightButton>
      </View>
    </Section>
  );
}
