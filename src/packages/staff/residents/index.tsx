import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import { TextField } from '../../../components/form/text-field';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { RoleTags } from '../../../components/role-tags';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

const BLANK = { realName: '', building: '', unit: '', phone: '', note: '' };

/** Register a neighbour without a smartphone (代为登记), so staff and leaders can act for them. */
function RegisterManaged({ onDone }: { onDone(): void }) {
  const form = useForm(contract.user.createManagedResident.input, BLANK);
  const create = useAction('user', 'createManagedResident', { done: '已登记', onFail: form.showFailure });
  const submit = async () => {
    if (!(await form.submit(create.run))) return;
    form.reset(BLANK);
    onDone();
  };
  return (
    <Section>
      <TextField label="姓名" {...form.field('realName')} />
      <TextField label="楼栋" {...form.field('building')} />
      <TextField label="单元门牌" {...form.field('unit')} />
      <TextField label="联系电话" type="number" placeholder="选填（家属或本人）" {...form.field('phone')} />
      <TextField label="备注" placeholder="如：独居、行动不便" {...form.field('note')} />
      <View className="form-actions">
        <Button type="primary" block loading={create.busy} onClick={() => void submit()}>
          确认登记
        </Button>
      </View>
    </Section>
  );
}

/** Staff find residents and register neighbours without a smartphone (代为登记). */
export default function Residents() {
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [adding, setAdding] = useState(false);
  const residents = usePaged('user', 'listResidents', { keyword: keyword || undefined });

  return (
    <PageShell>
      <SearchBar value={typed} onChange={setTyped} onSearch={setKeyword} placeholder="姓名、昵称或楼栋" />
      <View className="form-actions">
        <Button block type={adding ? 'default' : 'primary'} onClick={() => setAdding(!adding)}>
          {adding ? '收起' : '代老人登记（无智能手机）'}
        </Button>
      </View>
      {adding && (
        <RegisterManaged
          onDone={() => {
            setAdding(false);
            void residents.reload();
          }}
        />
      )}
      <Loaded
        state={residents}
        skeleton="list"
        empty={{ title: '没有找到居民', description: '换个姓名或楼栋试试' }}
      >
        {(list) => (
          <Section>
            {list.map((r) => (
              <ListRow
                key={r.id}
                testId="resident"
                title={<View className="section__title">{r.displayName}</View>}
                extra={r.managed ? <Tag type="warning">代管</Tag> : undefined}
                description={[r.building, r.unit, r.phone].filter(Boolean).join(' · ') || '未填写住址'}
              >
                <RoleTags roles={r.roles} />
                <View className="actions">
                  <Button size="small" onClick={() => go('staffAdjust', { userId: r.id })}>
                    积分调整
                  </Button>
                  {r.managed && (
                    <Button size="small" onClick={() => go('privacy', { userId: r.id })}>
                      数据与注销
                    </Button>
                  )}
                </View>
              </ListRow>
            ))}
            <ListFooter list={residents} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
