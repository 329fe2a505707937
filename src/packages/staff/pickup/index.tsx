import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type OrderView } from '@core/contract';
import { formatPickupCode } from '@core/domain/mall';
import { CodeInput } from '../../../components/code-input';
import { OrderSummary } from '../../../components/order-summary';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';

/** 核销: scan the resident's QR or type the code, check the order, then hand the goods over. */
export default function Pickup() {
  const form = useForm(contract.mall.lookupPickup.input, { code: '' });
  const [order, setOrder] = useState<OrderView | null>(null);
  const lookup = useAction('mall', 'lookupPickup', { onFail: () => (setOrder(null), false) });
  const handOver = useAction('mall', 'verifyPickup', {
    confirm: () => ({
      title: '确认发放',
      content: `把 ${order?.goodsName} × ${order?.quantity} 交给 ${order?.userName}？发放后不能撤回。`,
      confirmText: '确认发放',
    }),
    done: '核销成功',
  });

  const find = async (code: string) => {
    const found = await lookup.run({ code });
    if (found) setOrder(found);
  };

  return (
    <PageShell>
      <Section>
        <CodeInput
          {...form.field('code')}
          name="pickupCode"
          label="取货码"
          placeholder="如 ABCD-2345"
          busy={lookup.busy}
          actions={[{ text: '查询', scanText: '扫码', run: find }]}
        />
      </Section>
      {order && (
        <Section testId="pickup-order">
          <OrderSummary order={order}>
            <View>兑换人：{order.userName}</View>
            <View className="muted">取货码：{formatPickupCode(order.pickupCode)}</View>
          </OrderSummary>
          {order.status === 'awaiting_pickup' && (
            <View className="form-actions">
              <Button
                type="primary"
                block
                loading={handOver.busy}
                onClick={() => void handOver.run({ code: order.pickupCode }).then((o) => o && setOrder(o))}
              >
                确认发放
              </Button>
            </View>
          )}
        </Section>
      )}
    </PageShell>
  );
}
