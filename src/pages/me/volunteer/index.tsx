import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { hasRole, useSession } from '../../../stores/session';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

/** 《志愿服务记录与证明出具办法》: records are kept truthfully, under the volunteer's real name. */
const AGREEMENT =
  '我自愿注册为社区志愿者，同意社区依照《志愿服务记录与证明出具办法》以实名记录我的志愿服务时间与内容，并据此出具志愿服务证明。';

export default function Volunteer() {
  const user = useSession((s) => s.user);
  const setUser = useSession((s) => s.setUser);
  const [realName, setRealName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [saving, setSaving] = useState(false);

  if (hasRole(user, 'volunteer')) {
    return (
      <PageShell>
        <View className="section" data-testid="volunteer-registered">
          <View className="section__title">您已是注册志愿者</View>
          <View className="muted">实名：{user?.realName}</View>
        </View>
      </PageShell>
    );
  }

  const submit = async () => {
    if (!agreed) return showError({ message: '请阅读并同意志愿服务记录协议' });
    setSaving(true);
    const res = await call('user', 'registerVolunteer', { realName, agreeToRecordKeeping: true });
    setSaving(false);
    if (!res.ok) return showError(res);
    setUser(res.data);
    showDone('注册成功');
  };

  return (
    <PageShell>
      <View className="section">
        <TextField name="realName" label="真实姓名" value={realName} onChange={setRealName} maxLength={20} />
        <View className="agreement">{AGREEMENT}</View>
        <View className="agreement">
          <Checkbox checked={agreed} onChange={setAgreed} label="我已阅读并同意" />
        </View>
      </View>
      <View className="form-actions">
        <Button type="primary" block size="large" loading={saving} onClick={submit}>
          注册成为志愿者
        </Button>
      </View>
    </PageShell>
  );
}
