import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type OutputOf } from '@core/contract';
import { NumberField } from '../../../components/form/number-field';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';

const schema = contract.wishes.saveSettings.input;

function SettingsForm({ saved }: { saved: OutputOf<'wishes', 'settings'> }) {
  const form = useForm(schema, saved);
  const save = useAction('wishes', 'saveSettings', { done: '已保存', onFail: form.showFailure });
  return (
    <>
      <Section>
        <NumberField label="认领上限" placeholder="每位党员同时认领的心愿数" {...form.field('claimLimit')} />
        <NumberField label="完成积分" placeholder="心愿人确认收到后发放" {...form.field('points')} />
        <View className="muted">
          修改只影响之后的认领和确认；积分在心愿人确认收到时按当时的设置发放一次。
        </View>
      </Section>
      <View className="form-actions">
        <Button type="primary" block loading={save.busy} onClick={() => void form.submit(save.run)}>
          保存
        </Button>
      </View>
    </>
  );
}

/** 微心愿设置: how many open claims a member may hold, and the points a fulfilled wish earns. */
export default function WishSettingsPage() {
  const settings = useCall('wishes', 'settings', {}, { refreshOnShow: false });
  return (
    <PageShell>
      <Loaded state={settings} skeleton="form">
        {(s) => <SettingsForm saved={s} />}
      </Loaded>
    </PageShell>
  );
}
