import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import type { OrderView } from '@core/contract';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { OrderStatusTag } from '../../../components/order-status';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

export default function Orders() {
  const [orders, setOrders] = useState<OrderView[] | null>(null);

  useDidShow(() => {
    void call('mall', 'myOrders', {}).then((res) => (res.ok ? setOrders(res.data) : showError(res)));
  });

  return (
    <PageShell>
      {orders?.length === 0 && <Empty title="还没有兑换记录" />}
      <View className="section">
        {orders?.map((order) => (
          <View
            key={order.id}
            className="list-item tap"
            data-testid="order"
            onClick={() => void Taro.navigateTo({ url: `/pages/mall/order/index?id=${order.id}` })}
          >
            <View className="row">
              <View>
                {order.goodsName} × {order.quantity}
              </View>
              <OrderStatusTag status={order.status} />
            </View>
            <View className="muted">
              {order.points} 积分 · {formatDateTime(order.createdAt)}
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
