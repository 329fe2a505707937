import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderView } from '@core/contract';
import { formatPickupCode, pickupQrPayload } from '@core/domain/mall';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { OrderStatusTag } from '../../../components/order-status';
import { QrCode } from '../../../components/qr-code';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

/** The pickup slip: show the QR (or read the code) to staff at the pickup place. */
export default function Order() {
  const { params } = useRouter();
  const [order, setOrder] = useState<OrderView | null>(null);

  const load = useCallback(async () => {
    const res = await call('mall', 'getOrder', { orderId: params.id ?? '' });
    if (res.ok) setOrder(res.data);
    else showError(res);
  }, [params.id]);

  useDidShow(() => void load());

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消兑换',
      content: '取消后积分将退回您的账户。确定取消吗？',
    });
    if (!confirm || !order) return;
    const res = await call('mall', 'cancelOrder', { orderId: order.id });
    if (!res.ok) return showError(res);
    setOrder(res.data);
    showDone('已取消，积分已退回');
  };

  if (!order) return <PageShell>{null}</PageShell>;
  const awaiting = order.status === 'awaiting_pickup';

  return (
    <PageShell>
      {params.fresh && awaiting && (
        <View className="section section__title">兑换成功！请凭取货码到现场领取</View>
      )}
      <View className="section">
        <View className="row">
          <View className="section__title">
            {order.goodsName} × {order.quantity}
          </View>
          <OrderStatusTag status={order.status} />
        </View>
        <View className="muted">
          消耗 {order.points} 积分 · {formatDateTime(order.createdAt)}
        </View>
      </View>
      {awaiting && (
        <View className="section center">
          <QrCode text={pickupQrPayload(order.pickupCode)} />
          <View className="pickup-code" data-testid="pickup-code">
            {formatPickupCode(order.pickupCode)}
          </View>
          <View className="muted">领取地点：{order.pickupPlace}</View>
          <View className="muted">领取时间：{order.pickupHours}</View>
          <View className="muted">请于 {formatDateTime(order.expiresAt)} 前领取，逾期自动取消并退回积分</View>
        </View>
      )}
      {order.closedAt && <View className="section muted">办结时间：{formatDateTime(order.closedAt)}</View>}
      {awaiting && (
        <View className="form-actions">
          <Button block onClick={() => void cancel()}>
            取消兑换
          </Button>
        </View>
      )}
    </PageShell>
  );
}
