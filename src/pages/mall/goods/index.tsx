import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import { Button, InputNumber } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { redeemCost } from '@core/domain/mall';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { RedeemConfirm } from '../../../components/redeem-confirm';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { showError } from '../../../services/feedback';
import { redirect } from '../../../services/navigation';

type Detail = OutputOf<'mall', 'getGoods'>;

function Redeem({ detail }: { detail: Detail }) {
  const { goods, balance, allowance } = detail;
  const [quantity, setQuantity] = useState(1);
  const [confirming, setConfirming] = useState(false);
  // One request id per intent (useAction): a retry after a network error returns the same order.
  const redeem = useAction('mall', 'redeem', {
    onFail(failure) {
      setConfirming(false);
      if (failure.code !== 'REQUEST_REUSED') return false;
      showError({ message: '上次兑换已成功，请在「我的兑换」中查看' });
      redirect('orders');
      return true;
    },
  });

  const confirm = async () => {
    const order = await redeem.run({ goodsId: goods.id, quantity });
    if (!order) return;
    setConfirming(false);
    redirect('order', { id: order.id, fresh: '1' });
  };

  return (
    <>
      <View className="section row">
        <View>兑换数量</View>
        <InputNumber
          value={quantity}
          min={1}
          max={Math.max(1, allowance.max)}
          // The outcome of the last attempt is unknown: a retry must be the same request.
          disabled={redeem.retrying}
          onChange={(v) => setQuantity(Number(v))}
        />
      </View>
      <Section className="muted">我的积分：{balance}</Section>
      {redeem.retrying && <Section className="muted">网络异常，请再次点击兑换。不会重复扣分。</Section>}
      <View className="form-actions">
        <Button
          type="primary"
          block
          size="large"
          disabled={Boolean(allowance.blocked)}
          onClick={() => setConfirming(true)}
        >
          {allowance.blocked || `立即兑换（${redeemCost(goods.price, quantity)} 积分）`}
        </Button>
      </View>
      <RedeemConfirm
        visible={confirming}
        goods={goods}
        quantity={quantity}
        balance={balance}
        busy={redeem.busy}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}

export default function GoodsDetail() {
  const { id = '' } = useParams('goods');
  const detail = useCall('mall', 'getGoods', { goodsId: id });
  return (
    <PageShell>
      <Loaded state={detail} skeleton="detail">
        {(d) => (
          <>
            {d.goods.photoUrl ? (
              <Image src={d.goods.photoUrl} mode="widthFix" style={{ width: '100%' }} />
            ) : null}
            <Section title={d.goods.name}>
              <View className="goods-card__price">{d.goods.price} 积分</View>
              {d.goods.description && <View>{d.goods.description}</View>}
              <View className="muted">
                剩余 {d.goods.stock} 件 · 每单限兑 {d.goods.perOrderLimit} 件 · 每月限兑{' '}
                {d.goods.perMonthLimit} 件（本月还可兑 {d.allowance.monthLeft} 件）
              </View>
              {d.goods.donorName && <View className="muted">由 {d.goods.donorName} 爱心捐赠</View>}
              <View className="muted">
                领取地点：{d.goods.pickupPlace}；领取时间：{d.goods.pickupHours}
              </View>
            </Section>
            <Redeem detail={d} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
