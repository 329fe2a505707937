import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { ApplicationView } from '@core/contract';
import { APPLICATION_STATUS_LABELS } from '@core/domain/applications';
import { formatDateTime } from '@core/time';
import { useForm } from '../../../hooks/use-form';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { hasRole, useSession } from '../../../stores/session';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

const STATUS_TAG = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

function ApplicationItem({ app }: { app: ApplicationView }) {
  return (
    <View className="list-item" data-testid="application">
      <View className="row">
        <View>{app.partyOrg}</View>
        <Tag type={STATUS_TAG[app.status]}>{APPLICATION_STATUS_LABELS[app.status]}</Tag>
      </View>
      <View className="muted">
        {app.workplace} · 提交于 {formatDateTime(app.createdAt)}
      </View>
      {app.status === 'rejected' && <View className="muted">未通过原因：{app.reason}</View>}
    </View>
  );
}

export default function Party() {
  const user = useSession((s) => s.user);
  const [apps, setApps] = useState<ApplicationView[]>([]);
  const { form, field } = useForm({ realName: '', partyOrg: '', workplace: '' });
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    const res = await call('user', 'myApplications', {});
    if (res.ok) setApps(res.data);
  }, []);

  useDidShow(() => {
    void load();
    // The outcome may have arrived since the last visit: refresh roles too.
    void useSession.getState().login();
  });
  const pending = apps.some((a) => a.status === 'pending');
  const verified = hasRole(user, 'party_member');

  const submit = async () => {
    setSaving(true);
    const res = await call('user', 'applyPartyMember', form);
    setSaving(false);
    if (!res.ok) return showError(res);
    showDone('已提交审核');
    await load();
  };

  return (
    <PageShell>
      {verified && (
        <View className="section" data-testid="party-verified">
          <View className="section__title">您已完成双报到认证</View>
          <View className="muted">可以在「微心愿」认领邻居的心愿，服务可获得志愿积分。</View>
        </View>
      )}
      {!verified && !pending && (
        <View className="section">
          <View className="section__title">向社区报到</View>
          <TextField
            name="realName"
            label="真实姓名"
            value={form.realName}
            onChange={field('realName')}
            maxLength={20}
          />
          <TextField
            name="partyOrg"
            label="所在党组织"
            value={form.partyOrg}
            onChange={field('partyOrg')}
            maxLength={50}
          />
          <TextField
            name="workplace"
            label="工作单位"
            value={form.workplace}
            onChange={field('workplace')}
            maxLength={50}
          />
          <View className="form-actions">
            <Button type="primary" block size="large" loading={saving} onClick={submit}>
              提交报到申请
            </Button>
          </View>
        </View>
      )}
      {apps.length > 0 && (
        <View className="section">
          <View className="section__title">我的申请</View>
          {apps.map((app) => (
            <ApplicationItem key={app.id} app={app} />
          ))}
        </View>
      )}
    </PageShell>
  );
}
