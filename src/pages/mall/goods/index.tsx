import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { Button, InputNumber } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { RedeemConfirm } from '../../../components/redeem-confirm';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';
import { newRequestId } from '../../../services/request-id';

type Detail = OutputOf<'mall', 'getGoods'>;

export default function GoodsDetail() {
  const { params } = useRouter();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // One id per intent: a retry after a network error reuses it, so nothing is bought twice.
  const requestId = useRef('');

  // The outcome of the last attempt is unknown (network or server error): same id, same quantity.
  const [retrying, setRetrying] = useState(false);

  // Reload on every show, so a failed first load can be retried by coming back.
  useDidShow(() => {
    void call('mall', 'getGoods', { goodsId: params.id ?? '' }).then((res) =>
      res.ok ? setDetail(res.data) : showError(res),
    );
  });

  if (!detail) return <PageShell>{null}</PageShell>;
  const { goods, usedThisMonth, balance } = detail;
  const monthLeft = Math.max(0, goods.perMonthLimit - usedThisMonth);
  const maxQuantity = Math.max(1, Math.min(goods.perOrderLimit, monthLeft, goods.stock));
  const blocked =
    goods.stock <= 0 ? '已兑完' : monthLeft === 0 ? '本月已达限兑' : balance < goods.price ? '积分不足' : '';

  const openConfirm = () => {
    requestId.current = requestId.current || newRequestId();
    setConfirming(true);
  };

  const redeem = async () => {
    setBusy(true);
    const res = await call('mall', 'redeem', { goodsId: goods.id, quantity, requestId: requestId.current });
    setBusy(false);
    if (!res.ok) {
      setConfirming(false);
      if (res.code === 'REQUEST_REUSED') {
        // The first attempt went through after all: show the orders rather than buy again.
        requestId.current = '';
        setRetrying(false);
        showError({ message: '上次兑换已成功，请在「我的兑换」中查看' });
        void Taro.redirectTo({ url: '/pages/mall/orders/index' });
        return;
      }
      // Network and server errors may have happened after the order was made: keep the id
      // (and the quantity) so a retry returns that order; a refusal ends this intent.
      const unknown = res.code === 'NETWORK' || res.code === 'INTERNAL';
      if (!unknown) requestId.current = '';
      setRetrying(unknown);
      return showError(res);
    }
    setConfirming(false);
    void Taro.redirectTo({ url: `/pages/mall/order/index?id=${res.data.id}&fresh=1` });
  };

  return (
    <PageShell>
      {goods.photoUrl ? <Image src={goods.photoUrl} mode="widthFix" style={{ width: '100%' }} /> : null}
      <View className="section">
        <View className="section__title">{goods.name}</View>
        <View className="goods-card__price">{goods.price} 积分</View>
        {goods.description && <View>{goods.description}</View>}
        <View className="muted">
          剩余 {goods.stock} 件 · 每单限兑 {goods.perOrderLimit} 件 · 每月限兑 {goods.perMonthLimit}{' '}
          件（本月还可兑 {monthLeft} 件）
        </View>
        {goods.donorName && <View className="muted">由 {goods.donorName} 爱心捐赠</View>}
        <View className="muted">
          领取地点：{goods.pickupPlace}；领取时间：{goods.pickupHours}
        </View>
      </View>
      <View className="section row">
        <View>兑换数量</View>
        <InputNumber
          value={quantity}
          min={1}
          max={maxQuantity}
          disabled={retrying}
          onChange={(v) => setQuantity(Number(v))}
        />
      </View>
      <View className="section muted">我的积分：{balance}</View>
      {retrying && <View className="section muted">网络异常，请再次点击兑换。不会重复扣分。</View>}
      <View className="form-actions">
        <Button type="primary" block size="large" disabled={Boolean(blocked)} onClick={openConfirm}>
          {blocked || `立即兑换（${goods.price * quantity} 积分）`}
        </Button>
      </View>
      <RedeemConfirm
        visible={confirming}
        goods={goods}
        quantity={quantity}
        balance={balance}
        busy={busy}
        onConfirm={() => void redeem()}
        onCancel={() => setConfirming(false)}
      />
    </PageShell>
  );
}
