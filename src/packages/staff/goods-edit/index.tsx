import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { Button, Cell, Checkbox } from '@nutui/nutui-react-taro';
import type { DonorView, GoodsView, StockChangeView } from '@core/contract';
import { formatDateTime } from '@core/time';
import { useForm } from '../../../hooks/use-form';
import { PageShell } from '../../../components/page-shell';
import { SignedAmount, signedValue, type Sign } from '../../../components/signed-amount';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';
import { newRequestId } from '../../../services/request-id';
import { pickImage, uploadPicked } from '../../../services/storage';

const BLANK = {
  name: '',
  description: '',
  photoUrl: '',
  price: '',
  perOrderLimit: '1',
  perMonthLimit: '2',
  pickupPlace: '社区服务中心一楼爱心超市',
  pickupHours: '工作日 9:00-17:00',
  initialStock: '',
};

const STOCK_KIND_LABELS = {
  create: '上架',
  restock: '补货/报损',
  redeem: '兑换',
  cancel: '取消退回',
  expire: '逾期退回',
};

export default function EditGoods() {
  const { params } = useRouter();
  const editing = Boolean(params.id);
  const { form, setForm, field } = useForm(BLANK);
  const [onShelf, setOnShelf] = useState(true);
  const [donor, setDonor] = useState<DonorView | null>(null);
  const [donors, setDonors] = useState<DonorView[]>([]);
  const [goods, setGoods] = useState<GoodsView | null>(null);
  const [history, setHistory] = useState<StockChangeView[]>([]);
  const [restock, setRestock] = useState({ sign: 'plus' as Sign, delta: '', reason: '' });
  const restockId = useRef(newRequestId());

  useEffect(() => {
    void call('mall', 'listDonors', {}).then((res) => res.ok && setDonors(res.data));
    if (!params.id) return;
    void call('mall', 'getGoods', { goodsId: params.id }).then((res) => {
      if (!res.ok) return showError(res);
      const g = res.data.goods;
      setGoods(g);
      setOnShelf(g.onShelf);
      setForm({
        ...BLANK,
        ...g,
        price: String(g.price),
        perOrderLimit: String(g.perOrderLimit),
        perMonthLimit: String(g.perMonthLimit),
        initialStock: '',
      });
    });
    void call('mall', 'stockHistory', { goodsId: params.id }).then((res) => res.ok && setHistory(res.data));
  }, [params.id, setForm]);

  useEffect(() => {
    if (goods?.donorId) setDonor(donors.find((d) => d.id === goods.donorId) ?? null);
  }, [goods, donors]);

  const choosePhoto = async () => {
    const photoUrl = await uploadPicked(await pickImage(), 'goods');
    if (photoUrl) setForm((f) => ({ ...f, photoUrl }));
  };

  const pickDonor = async () => {
    if (donors.length === 0) return showError({ message: '请先在「爱心商家」中添加捐赠单位' });
    const names = ['社区自备', ...donors.map((d) => d.name)].slice(0, 6);
    const { tapIndex } = await Taro.showActionSheet({ itemList: names });
    setDonor(tapIndex === 0 ? null : donors[tapIndex - 1]);
  };

  const save = async () => {
    const res = await call('mall', 'saveGoods', {
      goodsId: goods?.id,
      name: form.name,
      description: form.description,
      photoUrl: form.photoUrl,
      price: Number(form.price),
      perOrderLimit: Number(form.perOrderLimit),
      perMonthLimit: Number(form.perMonthLimit),
      pickupPlace: form.pickupPlace,
      pickupHours: form.pickupHours,
      onShelf,
      donorId: donor?.id,
      initialStock: editing ? undefined : Number(form.initialStock || 0),
    });
    if (!res.ok) return showError(res);
    showDone('已保存');
    setTimeout(() => void Taro.navigateBack(), 800);
  };

  const applyRestock = async () => {
    if (!goods) return;
    const res = await call('mall', 'restock', {
      goodsId: goods.id,
      delta: signedValue(restock.sign, restock.delta),
      reason: restock.reason,
      requestId: restockId.current,
    });
    if (!res.ok) return showError(res);
    restockId.current = newRequestId();
    setGoods(res.data);
    setRestock({ sign: 'plus', delta: '', reason: '' });
    showDone('库存已更新');
    const h = await call('mall', 'stockHistory', { goodsId: goods.id });
    if (h.ok) setHistory(h.data);
  };

  return (
    <PageShell>
      <View className="section">
        <TextField name="name" label="物品名称" value={form.name} onChange={field('name')} maxLength={30} />
        <TextField
          name="description"
          label="说明"
          value={form.description}
          onChange={field('description')}
          placeholder="选填"
          maxLength={200}
        />
        <View className="field">
          <View className="field__label">物品照片</View>
          {form.photoUrl ? (
            <Image src={form.photoUrl} mode="aspectFill" style={{ width: '120px', height: '90px' }} />
          ) : null}
          <Button size="small" onClick={() => void choosePhoto()}>
            {form.photoUrl ? '更换' : '上传'}
          </Button>
        </View>
        <TextField
          name="price"
          label="所需积分"
          type="number"
          value={form.price}
          onChange={field('price')}
          maxLength={6}
        />
        <TextField
          name="perOrderLimit"
          label="每单限兑"
          type="number"
          value={form.perOrderLimit}
          onChange={field('perOrderLimit')}
          maxLength={2}
        />
        <TextField
          name="perMonthLimit"
          label="每月限兑"
          type="number"
          value={form.perMonthLimit}
          onChange={field('perMonthLimit')}
          maxLength={3}
        />
        <TextField
          name="pickupPlace"
          label="领取地点"
          value={form.pickupPlace}
          onChange={field('pickupPlace')}
          maxLength={50}
        />
        <TextField
          name="pickupHours"
          label="领取时间"
          value={form.pickupHours}
          onChange={field('pickupHours')}
          maxLength={50}
        />
        {!editing && (
          <TextField
            name="initialStock"
            label="初始库存"
            type="number"
            value={form.initialStock}
            onChange={field('initialStock')}
            maxLength={6}
          />
        )}
        <Cell title="捐赠单位" extra={donor?.name ?? '社区自备'} clickable onClick={() => void pickDonor()} />
        <View className="agreement">
          <Checkbox checked={onShelf} onChange={setOnShelf} label="上架（居民可见可兑）" />
        </View>
      </View>
      <View className="form-actions">
        <Button type="primary" block onClick={() => void save()}>
          保存
        </Button>
      </View>
      {goods && (
        <View className="section">
          <View className="section__title">库存：{goods.stock}</View>
          <SignedAmount
            name="restockDelta"
            label="数量"
            sign={restock.sign}
            amount={restock.delta}
            onSign={(sign) => setRestock((r) => ({ ...r, sign }))}
            onAmount={(delta) => setRestock((r) => ({ ...r, delta }))}
            labels={{ plus: '补货', minus: '报损' }}
          />
          <TextField
            name="restockReason"
            label="原因"
            value={restock.reason}
            onChange={(v) => setRestock((r) => ({ ...r, reason: v }))}
            placeholder="如：商家再次捐赠"
            maxLength={100}
          />
          <View className="actions">
            <Button type="primary" size="small" onClick={() => void applyRestock()}>
              更新库存
            </Button>
          </View>
          {history.map((h) => (
            <View key={h.id} className="list-item row">
              <View>
                <View>
                  {STOCK_KIND_LABELS[h.kind]} {h.reason}
                </View>
                <View className="muted">{formatDateTime(h.createdAt)}</View>
              </View>
              <View>
                {h.delta > 0 ? '+' : ''}
                {h.delta} → {h.stockAfter}
              </View>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
