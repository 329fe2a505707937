import { Image, View } from '@tarojs/components';
import type { RouteName } from '@core/routes';
import { go } from '../../services/navigation';
import { TAB_ITEMS } from './items';
import homeIcon from '../../assets/tab/home.png';
import homeOnIcon from '../../assets/tab/home-active.png';
import eventsIcon from '../../assets/tab/events.png';
import eventsOnIcon from '../../assets/tab/events-active.png';
import pointsIcon from '../../assets/tab/points.png';
import pointsOnIcon from '../../assets/tab/points-active.png';
import meIcon from '../../assets/tab/me.png';
import meOnIcon from '../../assets/tab/me-active.png';
import './index.scss';

/** The icons as the build resolves them (a file in the package, a URL in H5). */
const ICONS: Record<string, [off: string, on: string]> = {
  home: [homeIcon, homeOnIcon],
  events: [eventsIcon, eventsOnIcon],
  points: [pointsIcon, pointsOnIcon],
  me: [meIcon, meOnIcon],
};

interface Props {
  /** The tab page being shown. */
  current: RouteName;
}

/**
 * The tab bar of 关怀模式. WeChat's own tab bar keeps 10 px labels whatever the phone's text
 * size, so in 关怀模式 PageShell hides it and draws this one on the tab pages instead: the same
 * four pages (app.config.ts's tabBar, from ./items), opened with switchTab, with large labels
 * and tap targets of at least 60 px.
 */
export function TabBar({ current }: Props) {
  return (
    <View className="llt-tab-bar" data-testid="tab-bar">
      {TAB_ITEMS.map((tab) => {
        const on = tab.route === current;
        return (
          <View
            key={tab.route}
            className={`llt-tab-bar__item${on ? ' llt-tab-bar__item--on' : ''}`}
            onClick={() => (on ? undefined : go(tab.route))}
            data-testid="tab-bar-item"
          >
            <Image className="llt-tab-bar__icon" src={ICONS[tab.route][on ? 1 : 0]} />
            <View className="llt-tab-bar__label">{tab.text}</View>
          </View>
        );
      })}
    </View>
  );
}
