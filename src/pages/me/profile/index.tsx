import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Avatar, Button, Checkbox } from '@nutui/nutui-react-taro';
import { useForm } from '../../../hooks/use-form';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { useSession } from '../../../stores/session';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';
import { pickImage, uploadPicked } from '../../../services/storage';

export default function Profile() {
  const user = useSession((s) => s.user);
  const setUser = useSession((s) => s.setUser);
  const { form, setForm, field } = useForm({
    nickname: '',
    avatarUrl: '',
    building: '',
    unit: '',
    phone: '',
  });
  const [phoneConsent, setPhoneConsent] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!user) return;
    setForm({
      nickname: user.nickname,
      avatarUrl: user.avatarUrl,
      building: user.building,
      unit: user.unit,
      phone: user.phone,
    });
    setPhoneConsent(Boolean(user.phone));
  }, [user, setForm]);

  const applyAvatar = async (tempPath: string | null) => {
    const avatarUrl = await uploadPicked(tempPath, 'avatars');
    if (avatarUrl) setForm((f) => ({ ...f, avatarUrl }));
  };

  const save = async () => {
    setSaving(true);
    const res = await call('user', 'updateProfile', { ...form, phoneConsent });
    setSaving(false);
    if (!res.ok) return showError(res);
    setUser(res.data);
    showDone('已保存');
    setTimeout(() => void Taro.navigateBack(), 800);
  };

  return (
    <PageShell>
      <View className="section row">
        <Avatar size="large" src={form.avatarUrl || undefined}>
          {form.nickname.slice(0, 1)}
        </Avatar>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button openType="chooseAvatar" onChooseAvatar={(e) => void applyAvatar(e.detail.avatarUrl)}>
            更换头像
          </Button>
        ) : (
          <Button onClick={() => void pickImage().then(applyAvatar)}>更换头像</Button>
        )}
      </View>
      <View className="section">
        <TextField
          name="nickname"
          label="昵称"
          value={form.nickname}
          onChange={field('nickname')}
          maxLength={20}
        />
        <TextField
          name="building"
          label="楼栋"
          value={form.building}
          onChange={field('building')}
          placeholder="如：3号楼（选填）"
          maxLength={20}
        />
        <TextField
          name="unit"
          label="单元门牌"
          value={form.unit}
          onChange={field('unit')}
          placeholder="如：2单元301（选填）"
          maxLength={20}
        />
        <TextField
          name="phone"
          label="手机号"
          type="number"
          value={form.phone}
          onChange={field('phone')}
          placeholder="选填，便于社区联系您"
          maxLength={11}
        />
        {form.phone && (
          <View className="agreement">
            <Checkbox
              checked={phoneConsent}
              onChange={setPhoneConsent}
              label="我同意社区保存手机号，仅用于活动与服务联系"
            />
          </View>
        )}
        <View className="agreement">我们不会收集身份证号；资料仅社区工作人员可见。</View>
      </View>
      <View className="form-actions">
        <Button type="primary" block size="large" loading={saving} onClick={save}>
          保存
        </Button>
      </View>
    </PageShell>
  );
}
