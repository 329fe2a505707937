import { Tag } from '@nutui/nutui-react-taro';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@core/domain/mall';

const TAG_TYPE = {
  awaiting_pickup: 'warning',
  picked_up: 'success',
  cancelled: 'default',
  expired: 'default',
} as const;

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <Tag type={TAG_TYPE[status]}>{ORDER_STATUS_LABELS[status]}</Tag>;
}
