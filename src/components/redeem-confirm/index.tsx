import { View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import type { GoodsView } from '@core/contract';
import { redeemCost } from '@core/domain/mall';

interface Props {
  visible: boolean;
  goods: GoodsView;
  quantity: number;
  balance: number;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The last look before points are spent: what, how many, what it costs, what is left. */
export function RedeemConfirm({ visible, goods, quantity, balance, busy, onConfirm, onCancel }: Props) {
  const cost = redeemCost(goods.price, quantity);
  const after = balance - cost;
  return (
    <Dialog
      visible={visible}
      title="确认兑换"
      confirmText={busy ? '兑换中…' : '确认兑换'}
      cancelText="再想想"
      disableConfirmButton={busy || after < 0}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <View data-testid="redeem-confirm">
        <View>
          {goods.name} × {quantity}
        </View>
        <View>消耗积分：{cost}</View>
        <View className={after < 0 ? 'text-danger' : 'muted'}>
          {after < 0 ? `积分不足，还差 ${-after} 分` : `兑换后剩余：${after} 分`}
        </View>
        <View className="muted">
          领取：{goods.pickupPlace}（{goods.pickupHours}）
        </View>
      </View>
    </Dialog>
  );
}
