import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { WALL_FILTERS, WISH_CATEGORIES, WISH_CATEGORY_LABELS, type WallFilter } from '@core/domain/wishes';
import type { WishCategory } from '@core/domain/wishes';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { WishCard } from '../../../components/wish-card';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';
import { hasRole, useSession } from '../../../stores/session';

type Category = WishCategory | 'all';
type Status = WallFilter | 'all';
type Order = 'newest' | 'dueSoon';

/** The wall's status filter as neighbours say it. */
const STATUS_LABELS: Record<Status, string> = {
  all: '全部',
  open: '待认领',
  claimed: '已认领',
  closed: '已完成',
};
const ORDER_LABELS: Record<Order, string> = { newest: '最新发布', dueSoon: '即将到期' };

/** 心愿墙: approved wishes by category and status, newest or soonest due first, a page at a time. */
export default function WishWall() {
  const user = useSession((s) => s.user);
  const [category, setCategory] = useState<Category>('all');
  const [status, setStatus] = useState<Status>('all');
  const [order, setOrder] = useState<Order>('newest');
  const wall = usePaged('wishes', 'wall', {
    category: category === 'all' ? undefined : category,
    status: status === 'all' ? undefined : status,
    order,
  });

  return (
    <PageShell>
      <View className="hero">
        <View className="hero__title">微心愿</View>
        <View className="hero__sub">邻居的小小心愿，双报到党员认领帮忙实现</View>
      </View>
      <View className="form-actions actions">
        <Button type="primary" onClick={() => go('wishPost')}>
          发布心愿
        </Button>
        <Button onClick={() => go('myWishes')}>我的心愿</Button>
        {hasRole(user, 'party_member') && <Button onClick={() => go('claimedWishes')}>我认领的</Button>}
      </View>
      <Tabs value={category} onChange={(v) => setCategory(v as Category)}>
        <Tabs.TabPane value="all" title="全部" />
        {WISH_CATEGORIES.map((c) => (
          <Tabs.TabPane key={c} value={c} title={WISH_CATEGORY_LABELS[c]} />
        ))}
      </Tabs>
      <View className="form-actions actions" data-testid="wall-filters">
        {(['all', ...WALL_FILTERS] as Status[]).map((s) => (
          <Button
            key={s}
            size="small"
            type={status === s ? 'primary' : 'default'}
            onClick={() => setStatus(s)}
          >
            {STATUS_LABELS[s]}
          </Button>
        ))}
        {(Object.keys(ORDER_LABELS) as Order[]).map((o) => (
          <Button key={o} size="small" fill={order === o ? 'solid' : 'outline'} onClick={() => setOrder(o)}>
            {ORDER_LABELS[o]}
          </Button>
        ))}
      </View>
      <Loaded
        state={wall}
        skeleton="cards"
        empty={{
          title: '暂时没有心愿',
          description: '换个分类看看，或者说出您的小心愿',
          action: { text: '发布心愿', onClick: () => go('wishPost') },
        }}
      >
        {(list) => (
          <>
            {list.map((wish) => (
              <WishCard key={wish.id} wish={wish} onOpen={(w) => go('wishDetail', { id: w.id })} />
            ))}
            <ListFooter list={wall} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
