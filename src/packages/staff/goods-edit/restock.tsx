import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type GoodsView } from '@core/contract';
import { STOCK_CHANGE_KIND_LABELS } from '@core/domain/mall';
import { formatDateTime } from '@core/time';
import { TextField } from '../../../components/form/text-field';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Section } from '../../../components/section';
import { SignedAmountField } from '../../../components/signed-amount';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';

// The request id is the hook's (one per intent), not something staff fill in.
const schema = contract.mall.restock.input.omit({ requestId: true });
const BLANK = { delta: undefined, reason: '' };

/** 补货 / 报损 with a reason, and every stock change of the item, newest first. */
export function Restock({ goods, onChange }: { goods: GoodsView; onChange(goods: GoodsView): void }) {
  const history = usePaged('mall', 'stockHistory', { goodsId: goods.id });
  const form = useForm(schema, BLANK);
  const restock = useAction('mall', 'restock', {
    confirm: ({ delta, reason }) => ({
      title: delta > 0 ? '补货' : '报损',
      content: `${goods.name} ${delta > 0 ? '+' : ''}${delta} 件（${reason}）`,
      confirmText: '更新库存',
    }),
    done: '库存已更新',
    onFail: form.showFailure,
  });

  const submit = async () => {
    const updated = await form.submit(restock.run, { goodsId: goods.id });
    if (!updated) return;
    onChange(updated);
    form.reset(BLANK);
    await history.reload();
  };

  return (
    <Section title={`库存：${goods.stock}`}>
      <SignedAmountField label="数量" labels={{ plus: '补货', minus: '报损' }} {...form.field('delta')} />
      <TextField label="原因" placeholder="如：商家再次捐赠" {...form.field('reason')} />
      <View className="actions">
        <Button type="primary" size="small" loading={restock.busy} onClick={() => void submit()}>
          更新库存
        </Button>
      </View>
      {history.data?.map((h) => (
        <ListRow
          key={h.id}
          title={`${STOCK_CHANGE_KIND_LABELS[h.kind]} ${h.reason}`}
          description={formatDateTime(h.createdAt)}
          extra={`${h.delta > 0 ? '+' : ''}${h.delta} → ${h.stockAfter}`}
        />
      ))}
      <ListFooter list={history} />
    </Section>
  );
}
