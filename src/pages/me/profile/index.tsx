import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { Avatar, Button } from '@nutui/nutui-react-taro';
import { contract, type UserView } from '@core/contract';
import { CheckField } from '../../../components/form/check-field';
import { TextField } from '../../../components/form/text-field';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm, type Draft } from '../../../hooks/use-form';
import { back } from '../../../services/navigation';
import { pickImage, uploadPicked } from '../../../services/storage';
import { useSession } from '../../../stores/session';

const schema = contract.user.updateProfile.input;

function fromUser(user: UserView | null): Draft<typeof schema> {
  return {
    nickname: user?.nickname ?? '',
    avatarUrl: user?.avatarUrl ?? '',
    building: user?.building ?? '',
    unit: user?.unit ?? '',
    phone: user?.phone ?? '',
    phoneConsent: Boolean(user?.phone),
  };
}

export default function Profile() {
  const user = useSession((s) => s.user);
  const setUser = useSession((s) => s.setUser);
  const form = useForm(schema, fromUser(user));
  const save = useAction('user', 'updateProfile', { done: '已保存', onFail: form.showFailure });
  const { reset } = form;
  useEffect(() => reset(fromUser(user)), [user, reset]);

  const applyAvatar = async (tempPath: string | null) => {
    const avatarUrl = await uploadPicked(tempPath, 'avatars');
    if (avatarUrl) form.set('avatarUrl', avatarUrl);
  };

  const submit = async () => {
    const saved = await form.submit(save.run);
    if (!saved) return;
    setUser(saved);
    setTimeout(back, 800);
  };

  const nickname = form.values.nickname ?? '';
  return (
    <PageShell>
      <View className="section row">
        <Avatar size="large" src={form.values.avatarUrl || undefined}>
          {nickname.slice(0, 1)}
        </Avatar>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button openType="chooseAvatar" onChooseAvatar={(e) => void applyAvatar(e.detail.avatarUrl)}>
            更换头像
          </Button>
        ) : (
          <Button onClick={() => void pickImage().then(applyAvatar)}>更换头像</Button>
        )}
      </View>
      <Section>
        <TextField label="昵称" {...form.field('nickname')} />
        <TextField label="楼栋" placeholder="如：3号楼（选填）" {...form.field('building')} />
        <TextField label="单元门牌" placeholder="如：2单元301（选填）" {...form.field('unit')} />
        {/* What the number is for, before anyone types it (个人信息保护法: consent before collection). */}
        <CheckField label="我同意社区保存手机号，仅用于活动与服务联系" {...form.field('phoneConsent')} />
        <TextField label="手机号" type="number" placeholder="选填，便于社区联系您" {...form.field('phone')} />
        <View className="agreement">我们不会收集身份证号；资料仅社区工作人员可见。</View>
      </Section>
      <View className="form-actions">
        <Button type="primary" block size="large" loading={save.busy} onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </PageShell>
  );
}
