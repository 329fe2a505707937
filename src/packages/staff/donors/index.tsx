import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import { DONOR_KINDS, DONOR_KIND_LABELS } from '@core/domain/mall';
import { ChoiceField } from '../../../components/form/choice-field';
import { TextField } from '../../../components/form/text-field';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';

const BLANK = { name: '', contact: '', kind: 'merchant' as const };

/** The community's resource list: who gives goods to the 爱心超市. */
export default function Donors() {
  const donors = useCall('mall', 'listDonors', {});
  const form = useForm(contract.mall.saveDonor.input, BLANK);
  const save = useAction('mall', 'saveDonor', { done: '已添加', onFail: form.showFailure });

  const add = async () => {
    if (!(await form.submit(save.run))) return;
    form.reset(BLANK);
    await donors.reload();
  };

  return (
    <PageShell>
      <Loaded
        state={donors}
        skeleton="list"
        empty={{ title: '还没有爱心商家', description: '在下方添加第一家' }}
      >
        {(list) => (
          <Section>
            {list.map((d) => (
              <ListRow
                key={d.id}
                title={<View className="section__title">{d.name}</View>}
                description={[DONOR_KIND_LABELS[d.kind], d.contact].filter(Boolean).join(' · ')}
              />
            ))}
          </Section>
        )}
      </Loaded>
      <Section title="添加">
        <TextField label="名称" {...form.field('name')} />
        <TextField label="联系人" {...form.field('contact')} />
        <ChoiceField label="类别" options={DONOR_KINDS} labels={DONOR_KIND_LABELS} {...form.field('kind')} />
        <View className="form-actions">
          <Button type="primary" block loading={save.busy} onClick={() => void add()}>
            添加
          </Button>
        </View>
      </Section>
    </PageShell>
  );
}
