import { useEffect } from 'react';
import { View } from '@tarojs/components';
import type { HomeView } from '@core/contract';
import { EventCard } from '../../components/event-card';
import { FeatureEntry, type Feature } from '../../components/feature-entry';
import { GoodsCard } from '../../components/goods-card';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';
import { useSession } from '../../stores/session';
import { offerCareMode } from '../../services/care-mode';
import { showNote } from '../../services/feedback';
import { go } from '../../services/navigation';
import { COMMUNITY_NAME, FEATURES } from './features';
import { Messages, NextEvent, OpenRound, OpenWishes, More } from './sections';
import './index.scss';

function open(feature: Feature) {
  if (feature.route) go(feature.route);
  else showNote(`${feature.name}即将开放`);
}

function Summary({ home }: { home: HomeView }) {
  return (
    <>
      <View className="entry-grid">
        {FEATURES.map((feature) => (
          <FeatureEntry key={feature.key} feature={feature} status={feature.status(home)} onOpen={open} />
        ))}
      </View>
      {home.workbenchWaiting !== null && (
        <View
          className="section tap llt-home__link"
          onClick={() => go('staffWorkbench')}
          data-testid="home-workbench"
        >
          <View>
            <View className="section__title">社区工作台</View>
            <View className="muted">审核、核销、活动管理、数据看板与导出</View>
          </View>
          {home.workbenchWaiting > 0 && (
            <View className="llt-home__count" data-testid="home-workbench-waiting">
              {home.workbenchWaiting} 项待办
            </View>
          )}
        </View>
      )}
      <Messages unread={home.unreadMessages} />
      <NextEvent event={home.nextEvent} />
      {home.events.length > 0 && (
        <>
          <More title="近期活动" onMore={() => go('events')} />
          {home.events.map((event) => (
            <EventCard key={event.id} event={event} onOpen={(e) => go('eventDetail', { id: e.id })} />
          ))}
        </>
      )}
      {home.goods.length > 0 && (
        <>
          <More title="爱心超市新上架" onMore={() => go('points')} />
          <View className="goods-grid" data-testid="home-goods">
            {home.goods.map((g) => (
              <GoodsCard key={g.id} goods={g} onOpen={(item) => go('goods', { id: item.id })} />
            ))}
          </View>
        </>
      )}
      <OpenWishes wishes={home.wishes} />
      {home.round && <OpenRound round={home.round} />}
    </>
  );
}

/**
 * 首页: the four doors and what is new behind each — my points and next event, the next
 * events, new goods, open 微心愿, the 百姓点菜 round and unread messages — from one answer
 * (`user.home`), so an old phone on a slow network waits for one round trip.
 */
export default function Home() {
  const user = useSession((s) => s.user);
  const status = useSession((s) => s.status);
  const home = useCall('user', 'home', {});
  const { error, reload } = home;

  // A first visit asks before the login has registered the resident: ask again once it has.
  useEffect(() => {
    if (status === 'ready' && error?.code === 'UNAUTHENTICATED') void reload();
  }, [status, error, reload]);

  useEffect(() => {
    if (user) void offerCareMode();
  }, [user]);

  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title">{COMMUNITY_NAME}</View>
        <View className="hero__sub">
          {user ? `${user.nickname}，您好！` : '您好！'}党建引领 · 邻里互助 · 共建共享
        </View>
      </View>
      <Loaded state={home} skeleton="cards">
        {(view) => <Summary home={view} />}
      </Loaded>
    </PageShell>
  );
}
