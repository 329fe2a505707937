import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderView } from '@core/contract';
import { formatPickupCode } from '@core/domain/mall';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { OrderStatusTag } from '../../../components/order-status';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';
import { canScan, scanQr } from '../../../services/scan';

/** 核销: scan the resident's QR or type the code, check the order, then hand the goods over. */
export default function Pickup() {
  const [code, setCode] = useState('');
  const [order, setOrder] = useState<OrderView | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = async (raw: string) => {
    const res = await call('mall', 'lookupPickup', { code: raw });
    if (!res.ok) {
      setOrder(null);
      return showError(res);
    }
    setOrder(res.data);
  };

  const scan = async () => {
    const result = await scanQr();
    if (!result) return;
    setCode(result);
    await lookup(result);
  };

  const handOver = async () => {
    if (!order) return;
    setBusy(true);
    const res = await call('mall', 'verifyPickup', { code: order.pickupCode });
    setBusy(false);
    if (!res.ok) return showError(res);
    setOrder(res.data);
    showDone('核销成功');
  };

  return (
    <PageShell>
      <View className="section">
        <TextField
          name="pickupCode"
          label="取货码"
          value={code}
          onChange={setCode}
          placeholder="如 ABCD-2345"
          maxLength={40}
        />
        <View className="actions">
          <Button type="primary" onClick={() => void lookup(code)}>
            查询
          </Button>
          {canScan && <Button onClick={() => void scan()}>扫码</Button>}
        </View>
      </View>
      {order && (
        <View className="section" data-testid="pickup-order">
          <View className="row">
            <View className="section__title">
              {order.goodsName} × {order.quantity}
            </View>
            <OrderStatusTag status={order.status} />
          </View>
          <View>兑换人：{order.userName}</View>
          <View className="muted">取货码：{formatPickupCode(order.pickupCode)}</View>
          <View className="muted">兑换时间：{formatDateTime(order.createdAt)}</View>
          {order.status === 'awaiting_pickup' && (
            <View className="form-actions">
              <Button type="primary" block loading={busy} onClick={() => void handOver()}>
                确认发放
              </Button>
            </View>
          )}
        </View>
      )}
    </PageShell>
  );
}
