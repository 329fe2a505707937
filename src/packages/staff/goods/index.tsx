import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import type { GoodsView } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

export default function ManageGoods() {
  const [goods, setGoods] = useState<GoodsView[]>([]);
  const [pickupDays, setPickupDays] = useState(0);

  const load = async () => {
    const [list, settings] = await Promise.all([call('mall', 'allGoods', {}), call('mall', 'settings', {})]);
    if (list.ok) setGoods(list.data);
    else showError(list);
    if (settings.ok) setPickupDays(settings.data.pickupDays);
  };

  useDidShow(() => void load());

  const toggle = async (item: GoodsView, onShelf: boolean) => {
    const res = await call('mall', 'setShelf', { goodsId: item.id, onShelf });
    if (!res.ok) return showError(res);
    setGoods((all) => all.map((g) => (g.id === item.id ? res.data : g)));
  };

  const editPickupDays = async () => {
    // `editable` exists on both platforms but is missing from Taro's option type.
    const options = { title: '领取期限（天）', editable: true, placeholderText: String(pickupDays) };
    const { confirm, content } = (await Taro.showModal(options as Taro.showModal.Option)) as {
      confirm: boolean;
      content?: string;
    };
    if (!confirm) return;
    const res = await call('mall', 'saveSettings', { pickupDays: Number(content) });
    if (res.ok) setPickupDays(res.data.pickupDays);
    else showError(res);
  };

  const go = (url: string) => () => void Taro.navigateTo({ url });

  return (
    <PageShell>
      <View className="form-actions actions">
        <Button type="primary" onClick={go('/packages/staff/goods-edit/index')}>
          上架新物品
        </Button>
        <Button onClick={go('/packages/staff/donors/index')}>爱心商家</Button>
        <Button onClick={() => void editPickupDays()}>领取期限 {pickupDays} 天</Button>
      </View>
      <View className="section">
        {goods.map((item) => (
          <View key={item.id} className="list-item row" data-testid="staff-goods">
            <View className="tap" onClick={go(`/packages/staff/goods-edit/index?id=${item.id}`)}>
              <View className="section__title">{item.name}</View>
              <View className="muted">
                {item.price} 积分 · 库存 {item.stock} · {item.donorName || '社区自备'}
              </View>
            </View>
            <Switch checked={item.onShelf} onChange={(on) => void toggle(item, on)} />
          </View>
        ))}
      </View>
    </PageShell>
  );
}
