import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup, Empty } from '@nutui/nutui-react-taro';
import type { AccountView, GoodsView } from '@core/contract';
import { PageShell } from '../../components/page-shell';
import { GoodsCard } from '../../components/goods-card';
import { call } from '../../services/cloud';
import { showError } from '../../services/feedback';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** 积分 tab: the resident's balance and the 爱心超市 shelf. */
export default function Points() {
  const [account, setAccount] = useState<AccountView | null>(null);
  const [goods, setGoods] = useState<GoodsView[] | null>(null);

  useDidShow(() => {
    void call('points', 'myAccount', {}).then((res) => (res.ok ? setAccount(res.data) : showError(res)));
    void call('mall', 'listGoods', {}).then((res) => (res.ok ? setGoods(res.data) : showError(res)));
  });

  return (
    <PageShell>
      <View className="balance-card" data-testid="balance-card">
        <View>我的志愿积分</View>
        <View className="balance-card__value" data-testid="balance">
          {account?.balance ?? '—'}
        </View>
        <View className="balance-card__row">
          <View>累计获得 {account?.earned ?? 0}</View>
          <View>已使用 {account?.spent ?? 0}</View>
        </View>
      </View>
      <CellGroup>
        <Cell title="积分明细" clickable onClick={go('/pages/points/history/index')} />
        <Cell
          title="我的兑换"
          description="取货码、订单状态"
          clickable
          onClick={go('/pages/mall/orders/index')}
        />
        <Cell title="积分排行" clickable onClick={go('/pages/points/ranking/index')} />
      </CellGroup>
      <View className="section__title" style={{ margin: '24px' }}>
        爱心超市
      </View>
      {goods?.length === 0 && <Empty title="货架暂时空空" description="爱心商家的捐赠正在路上" />}
      <View className="goods-grid">
        {goods?.map((g) => (
          <GoodsCard
            key={g.id}
            goods={g}
            onOpen={(item) => void Taro.navigateTo({ url: `/pages/mall/goods/index?id=${item.id}` })}
          />
        ))}
      </View>
    </PageShell>
  );
}
