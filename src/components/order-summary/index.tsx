import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { OrderView } from '@core/contract';
import { formatDateTime } from '@core/time';
import { OrderStatusTag } from '../order-status';

interface Props {
  order: OrderView;
  /** Lines for who is looking, e.g. the pickup code and who redeemed it for staff. */
  children?: ReactNode;
}

/** An order at a glance: what and how many, its status, what it cost and when. */
export function OrderSummary({ order, children }: Props) {
  return (
    <View>
      <View className="row">
        <View className="section__title">
          {order.goodsName} × {order.quantity}
        </View>
        <OrderStatusTag status={order.status} />
      </View>
      <View className="muted">
        消耗 {order.points} 积分 · {formatDateTime(order.createdAt)}
      </View>
      {children}
    </View>
  );
}
