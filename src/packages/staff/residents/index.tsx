import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro';
import type { UserView } from '@core/contract';
import { useForm } from '../../../hooks/use-form';
import { PageShell } from '../../../components/page-shell';
import { RoleTags } from '../../../components/role-tags';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

const EMPTY_FORM = { realName: '', building: '', unit: '', phone: '', note: '' };

/** Staff find residents and register neighbours without a smartphone (代为登记). */
export default function Residents() {
  const [keyword, setKeyword] = useState('');
  const [residents, setResidents] = useState<UserView[]>([]);
  const { form, setForm, field } = useForm(EMPTY_FORM);
  const [adding, setAdding] = useState(false);

  const search = useCallback(async (kw: string) => {
    const res = await call('user', 'listResidents', { keyword: kw });
    if (res.ok) setResidents(res.data);
    else showError(res);
  }, []);

  useEffect(() => void search(''), [search]);

  const create = async () => {
    const res = await call('user', 'createManagedResident', form);
    if (!res.ok) return showError(res);
    showDone('已登记');
    setForm(EMPTY_FORM);
    setAdding(false);
    await search(keyword);
  };

  return (
    <PageShell>
      <SearchBar
        value={keyword}
        onChange={setKeyword}
        onSearch={(kw) => void search(kw)}
        placeholder="姓名、昵称或楼栋"
      />
      <View className="form-actions">
        <Button block type={adding ? 'default' : 'primary'} onClick={() => setAdding(!adding)}>
          {adding ? '收起' : '代老人登记（无智能手机）'}
        </Button>
      </View>
      {adding && (
        <View className="section">
          <TextField
            name="realName"
            label="姓名"
            value={form.realName}
            onChange={field('realName')}
            maxLength={20}
          />
          <TextField
            name="building"
            label="楼栋"
            value={form.building}
            onChange={field('building')}
            maxLength={20}
          />
          <TextField name="unit" label="单元门牌" value={form.unit} onChange={field('unit')} maxLength={20} />
          <TextField
            name="phone"
            label="联系电话"
            type="number"
            value={form.phone}
            onChange={field('phone')}
            placeholder="选填（家属或本人）"
            maxLength={11}
          />
          <TextField
            name="note"
            label="备注"
            value={form.note}
            onChange={field('note')}
            placeholder="如：独居、行动不便"
            maxLength={100}
          />
          <View className="form-actions">
            <Button type="primary" block onClick={create}>
              确认登记
            </Button>
          </View>
        </View>
      )}
      <View className="section">
        {residents.map((r) => (
          <View key={r.id} className="list-item" data-testid="resident">
            <View className="row">
              <View className="section__title">{r.realName || r.nickname}</View>
              {r.managed && <Tag type="warning">代管</Tag>}
            </View>
            <View className="muted">
              {[r.building, r.unit, r.phone].filter(Boolean).join(' · ') || '未填写住址'}
            </View>
            <RoleTags roles={r.roles} />
            <View className="actions">
              <Button
                size="small"
                onClick={() => void Taro.navigateTo({ url: `/packages/staff/adjust/index?userId=${r.id}` })}
              >
                积分调整
              </Button>
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
