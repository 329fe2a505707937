import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import { CheckField } from '../../../components/form/check-field';
import { TextField } from '../../../components/form/text-field';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { hasRole, useSession } from '../../../stores/session';

/** 《志愿服务记录与证明出具办法》: records are kept truthfully, under the volunteer's real name. */
const AGREEMENT =
  '我自愿注册为社区志愿者，同意社区依照《志愿服务记录与证明出具办法》以实名记录我的志愿服务时间与内容，并据此出具志愿服务证明。';

export default function Volunteer() {
  const user = useSession((s) => s.user);
  const setUser = useSession((s) => s.setUser);
  const form = useForm(contract.user.registerVolunteer.input, { realName: '' });
  const register = useAction('user', 'registerVolunteer', { done: '注册成功', onFail: form.showFailure });

  if (hasRole(user, 'volunteer')) {
    return (
      <PageShell>
        <Section title="您已是注册志愿者" testId="volunteer-registered">
          <View className="muted">实名：{user?.realName}</View>
        </Section>
      </PageShell>
    );
  }

  const submit = async () => {
    const registered = await form.submit(register.run);
    if (registered) setUser(registered);
  };

  return (
    <PageShell>
      <Section>
        <TextField label="真实姓名" {...form.field('realName')} />
        <View className="agreement">{AGREEMENT}</View>
        <CheckField
          label="我已阅读并同意"
          {...form.field('agreeToRecordKeeping')}
          // The schema takes exactly `true`; unticking leaves it out.
          onChange={(agreed) => form.set('agreeToRecordKeeping', agreed ? true : undefined)}
        />
      </Section>
      <View className="form-actions">
        <Button type="primary" block size="large" loading={register.busy} onClick={() => void submit()}>
          注册成为志愿者
        </Button>
      </View>
    </PageShell>
  );
}
