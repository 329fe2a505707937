import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Radio } from '@nutui/nutui-react-taro';
import { DONOR_KIND_LABELS, type DonorView } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

/** The community's resource list: who gives goods to the 爱心超市. */
export default function Donors() {
  const [donors, setDonors] = useState<DonorView[]>([]);
  const [form, setForm] = useState({ name: '', contact: '', kind: 'merchant' as DonorView['kind'] });

  const load = async () => {
    const res = await call('mall', 'listDonors', {});
    if (res.ok) setDonors(res.data);
  };
  useEffect(() => void load(), []);

  const add = async () => {
    const res = await call('mall', 'saveDonor', form);
    if (!res.ok) return showError(res);
    showDone('已添加');
    setForm({ name: '', contact: '', kind: 'merchant' });
    await load();
  };

  return (
    <PageShell>
      <View className="section">
        {donors.map((d) => (
          <View key={d.id} className="list-item">
            <View className="section__title">{d.name}</View>
            <View className="muted">
              {DONOR_KIND_LABELS[d.kind]} {d.contact && `· ${d.contact}`}
            </View>
          </View>
        ))}
      </View>
      <View className="section">
        <TextField
          name="donorName"
          label="名称"
          value={form.name}
          onChange={(name) => setForm((f) => ({ ...f, name }))}
          maxLength={40}
        />
        <TextField
          name="donorContact"
          label="联系人"
          value={form.contact}
          onChange={(contact) => setForm((f) => ({ ...f, contact }))}
          placeholder="选填"
          maxLength={50}
        />
        <Radio.Group
          value={form.kind}
          onChange={(kind) => setForm((f) => ({ ...f, kind: kind as DonorView['kind'] }))}
          direction="horizontal"
        >
          <Radio value="merchant">爱心商家</Radio>
          <Radio value="partner">共建单位</Radio>
        </Radio.Group>
        <View className="form-actions">
          <Button type="primary" block onClick={() => void add()}>
            添加
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
