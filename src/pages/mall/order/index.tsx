import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatPickupCode, pickupQrPayload } from '@core/domain/mall';
import { formatDateTime, formatDay } from '@core/time';
import { Loaded } from '../../../components/loaded';
import { OrderSummary } from '../../../components/order-summary';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';

/** The pickup slip: show the QR (or read the code) to staff at the pickup place. */
export default function Order() {
  const { id = '', fresh } = useParams('order');
  const order = useCall('mall', 'getOrder', { orderId: id });
  const cancel = useAction('mall', 'cancelOrder', {
    confirm: {
      title: '取消兑换',
      content: '取消后积分将退回您的账户。确定取消吗？',
      confirmText: '取消兑换',
    },
    done: '已取消，积分已退回',
  });

  return (
    <PageShell>
      <Loaded state={order} skeleton="detail">
        {(o) => {
          const awaiting = o.status === 'awaiting_pickup';
          return (
            <>
              {fresh && awaiting && <Section title="兑换成功！请凭取货码到现场领取" />}
              <Section>
                <OrderSummary order={o} />
              </Section>
              {awaiting && (
                <View className="section center">
                  <QrCode text={pickupQrPayload(o.pickupCode)} />
                  <View className="pickup-code" data-testid="pickup-code">
                    {formatPickupCode(o.pickupCode)}
                  </View>
                  <View className="muted">领取地点：{o.pickupPlace}</View>
                  <View className="muted">领取时间：{o.pickupHours}</View>
                  <View className="muted">最晚 {formatDay(o.expiresAt)} 领取，逾期自动取消并退回积分</View>
                </View>
              )}
              {o.closedAt && <Section className="muted">办结时间：{formatDateTime(o.closedAt)}</Section>}
              {awaiting && (
                <View className="form-actions">
                  <Button
                    block
                    loading={cancel.busy}
                    onClick={() => void cancel.run({ orderId: o.id }).then((c) => c && order.setData(c))}
                  >
                    取消兑换
                  </Button>
                </View>
              )}
            </>
          );
        }}
      </Loaded>
    </PageShell>
  );
}
