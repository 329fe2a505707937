import { View } from '@tarojs/components';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { contract, type GoodsView } from '@core/contract';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

export default function ManageGoods() {
  const goods = usePaged('mall', 'allGoods', {});
  const settings = useCall('mall', 'settings', {});
  const shelf = useAction('mall', 'setShelf');
  const saveSettings = useAction('mall', 'saveSettings', { done: '已保存' });
  const prompt = usePrompt();

  const toggle = async (item: GoodsView, onShelf: boolean) => {
    const saved = await shelf.run({ goodsId: item.id, onShelf });
    if (saved) goods.setData((all) => all.map((g) => (g.id === saved.id ? saved : g)));
  };

  const editPickupDays = async () => {
    const days = await prompt.ask({
      title: '领取期限（天）',
      placeholder: '兑换后几天内领取，逾期自动取消并退回积分',
      initial: String(settings.data?.pickupDays ?? ''),
      field: contract.mall.saveSettings.input.shape.pickupDays,
      numeric: true,
    });
    if (days === null) return;
    const saved = await saveSettings.run({ pickupDays: Number(days) });
    if (saved) settings.setData(saved);
  };

  return (
    <PageShell>
      <View className="form-actions actions">
        <Button type="primary" onClick={() => go('staffGoodsEdit', {})}>
          上架新物品
        </Button>
        <Button onClick={() => go('staffDonors')}>爱心商家</Button>
        <Button onClick={() => void editPickupDays()}>领取期限 {settings.data?.pickupDays ?? '—'} 天</Button>
      </View>
      <Loaded
        state={goods}
        skeleton="list"
        empty={{
          title: '还没有物品',
          action: { text: '上架新物品', onClick: () => go('staffGoodsEdit', {}) },
        }}
      >
        {(list) => (
          <Section>
            {list.map((item) => (
              <ListRow
                key={item.id}
                testId="staff-goods"
                title={<View className="section__title">{item.name}</View>}
                description={`${item.price} 积分 · 库存 ${item.stock} · ${item.donorName || '社区自备'}`}
                onClick={() => go('staffGoodsEdit', { id: item.id })}
                extra={
                  <View onClick={(e) => e.stopPropagation()}>
                    <Switch checked={item.onShelf} onChange={(on) => void toggle(item, on)} />
                  </View>
                }
              />
            ))}
            <ListFooter list={goods} />
          </Section>
        )}
      </Loaded>
      {prompt.dialog}
    </PageShell>
  );
}
