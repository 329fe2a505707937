import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type DonorId, type GoodsView } from '@core/contract';
import { CheckField } from '../../../components/form/check-field';
import { ImageField } from '../../../components/form/image-field';
import { NumberField } from '../../../components/form/number-field';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm, type Draft } from '../../../hooks/use-form';
import { useParams } from '../../../hooks/use-params';
import { back } from '../../../services/navigation';
import { Restock } from './restock';

const schema = contract.mall.saveGoods.input;
const BLANK: Draft<typeof schema> = {
  name: '',
  description: '',
  photoUrl: '',
  perOrderLimit: 1,
  perMonthLimit: 2,
  pickupPlace: '社区服务中心一楼爱心超市',
  pickupHours: '工作日 9:00-17:00',
  onShelf: true,
  initialStock: 0,
};
/** The donor picker's choice for goods the community provides itself. */
const COMMUNITY = '' as DonorId;

function draftOf(g: GoodsView): Draft<typeof schema> {
  // Stock changes go through 补货/报损; the donor's name follows its id.
  const { id, stock: _stock, donorName: _donorName, donorId, ...fields } = g;
  return { goodsId: id, ...fields, donorId: (donorId || COMMUNITY) as DonorId };
}

function GoodsEditor({ loaded }: { loaded: GoodsView | null }) {
  const [goods, setGoods] = useState(loaded);
  const donors = useCall('mall', 'listDonors', {});
  const form = useForm(schema, loaded ? draftOf(loaded) : BLANK);
  const save = useAction('mall', 'saveGoods', { done: '已保存', onFail: form.showFailure });
  const donorChoices = [
    { value: COMMUNITY, label: '社区自备' },
    ...(donors.data ?? []).map((d) => ({ value: d.id, label: d.name })),
  ];

  const submit = async () => {
    const donorId = form.values.donorId || undefined;
    // Stock changes after creation go through 补货/报损, so each one is recorded.
    const extra = { donorId, initialStock: goods ? undefined : form.values.initialStock };
    if (await form.submit(save.run, extra)) setTimeout(back, 800);
  };

  return (
    <>
      <Section>
        <TextField label="物品名称" {...form.field('name')} />
        <TextAreaField label="说明" {...form.field('description')} />
        <ImageField label="物品照片" folder="goods" {...form.field('photoUrl')} />
        <NumberField label="所需积分" {...form.field('price')} />
        <NumberField label="每单限兑" {...form.field('perOrderLimit')} />
        <NumberField label="每月限兑" {...form.field('perMonthLimit')} />
        <TextField label="领取地点" {...form.field('pickupPlace')} />
        <TextField label="领取时间" {...form.field('pickupHours')} />
        {!goods && <NumberField label="初始库存" {...form.field('initialStock')} />}
        <SelectField label="捐赠单位" options={donorChoices} {...form.field('donorId')} />
        <CheckField label="上架（居民可见可兑）" {...form.field('onShelf')} />
      </Section>
      <View className="form-actions">
        <Button type="primary" block loading={save.busy} onClick={() => void submit()}>
          保存
        </Button>
      </View>
      {goods && <Restock goods={goods} onChange={setGoods} />}
    </>
  );
}

export default function EditGoods() {
  const { id } = useParams('staffGoodsEdit');
  const detail = useCall('mall', 'getGoods', id ? { goodsId: id } : null, { refreshOnShow: false });
  return (
    <PageShell>
      {id ? (
        <Loaded state={detail} skeleton="form">
          {(d) => <GoodsEditor loaded={d.goods} />}
        </Loaded>
      ) : (
        <GoodsEditor loaded={null} />
      )}
    </PageShell>
  );
}
