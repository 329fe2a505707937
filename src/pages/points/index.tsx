import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { GoodsCard } from '../../components/goods-card';
import { Loaded } from '../../components/loaded';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';
import { go } from '../../services/navigation';

/** 积分 tab: the resident's balance and the 爱心超市 shelf. */
export default function Points() {
  const account = useCall('points', 'myAccount', {});
  const goods = useCall('mall', 'listGoods', {});

  return (
    <PageShell>
      <View className="balance-card" data-testid="balance-card">
        <View>我的志愿积分</View>
        <View className="balance-card__value" data-testid="balance">
          {account.data?.balance ?? '—'}
        </View>
        <View className="balance-card__row">
          <View>累计获得 {account.data?.earned ?? '—'}</View>
          <View>已使用 {account.data?.spent ?? '—'}</View>
        </View>
      </View>
      <CellGroup>
        <Cell title="积分明细" clickable onClick={() => go('history')} />
        <Cell title="我的兑换" description="取货码、订单状态" clickable onClick={() => go('orders')} />
        <Cell title="积分排行" clickable onClick={() => go('ranking')} />
      </CellGroup>
      <View className="section__title" style={{ margin: '24px' }}>
        爱心超市
      </View>
      <Loaded
        state={goods}
        skeleton="grid"
        empty={{ title: '货架暂时空空', description: '爱心商家的捐赠正在路上' }}
      >
        {(shelf) => (
          <View className="goods-grid">
            {shelf.map((g) => (
              <GoodsCard key={g.id} goods={g} onOpen={(item) => go('goods', { id: item.id })} />
            ))}
          </View>
        )}
      </Loaded>
    </PageShell>
  );
}
