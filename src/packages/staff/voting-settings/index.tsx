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
import { back } from '../../../services/navigation';

function SettingsForm({ settings }: { settings: OutputOf<'votes', 'votingSettings'> }) {
  const form = useForm(contract.votes.saveVotingSettings.input, settings);
  const save = useAction('votes', 'saveVotingSettings', { done: '已保存', onFail: form.showFailure });
  const submit = async () => {
    if (await form.submit(save.run)) setTimeout(back, 800);
  };
  return (
    <>
      <Section>
        <NumberField label="附议门槛(人)" {...form.field('supportThreshold')} />
        <View className="muted">提议获得这么多居民附议后，标记为「可上菜单」，可列入投票。</View>
        <NumberField label="公示天数" {...form.field('publicityDays')} />
        <View className="muted">
          投票结束计票后结果公示的天数，公示期内居民可提出异议；新发起的投票默认使用。
        </View>
      </Section>
      <View className="form-actions">
        <Button type="primary" block loading={save.busy} onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </>
  );
}

/** 投票设置: the community's support threshold and the default 公示 days. */
export default function VotingSettings() {
  const settings = useCall('votes', 'votingSettings', {}, { refreshOnShow: false });
  return (
    <PageShell>
      <Loaded state={settings} skeleton="form">
        {(s) => <SettingsForm settings={s} />}
      </Loaded>
    </PageShell>
  );
}
