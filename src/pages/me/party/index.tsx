import { useEffect } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { contract, type ApplicationView } from '@core/contract';
import { APPLICATION_STATUS_LABELS } from '@core/domain/applications';
import { formatDateTime } from '@core/time';
import { TextField } from '../../../components/form/text-field';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';
import { hasRole, useSession } from '../../../stores/session';

const STATUS_TAG = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
} as const;

function ApplicationItem({ app }: { app: ApplicationView }) {
  return (
    <ListRow
      testId="application"
      title={app.partyOrg}
      description={`${app.workplace} · 提交于 ${formatDateTime(app.createdAt)}`}
      extra={<Tag type={STATUS_TAG[app.status]}>{APPLICATION_STATUS_LABELS[app.status]}</Tag>}
    >
      {app.status === 'rejected' && <View className="muted">未通过原因：{app.reason}</View>}
    </ListRow>
  );
}

export default function Party() {
  const user = useSession((s) => s.user);
  const apps = useCall('user', 'myApplications', {});
  const form = useForm(contract.user.applyPartyMember.input, { realName: '', partyOrg: '', workplace: '' });
  const apply = useAction('user', 'applyPartyMember', { done: '已提交审核', onFail: form.showFailure });
  // Turned down: the form opens with what was sent, to correct rather than type again.
  const rejected = apps.data?.[0]?.status === 'rejected' ? apps.data[0] : null;
  const { reset } = form;
  useEffect(() => {
    if (rejected) {
      reset({ realName: rejected.applicantName, partyOrg: rejected.partyOrg, workplace: rejected.workplace });
    }
    // Once per turned-down application: a refresh of the list keeps what is being corrected.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rejected?.id, reset]);
  // The outcome may have arrived since the last visit: refresh roles too.
  useDidShow(() => void useSession.getState().login());

  const submit = async () => {
    if (await form.submit(apply.run)) await apps.reload();
  };

  const verified = hasRole(user, 'party_member');
  return (
    <PageShell>
      <Loaded state={apps} skeleton="form">
        {(list) => (
          <>
            {verified && (
              <Section title="您已完成双报到认证" testId="party-verified">
                <View className="muted">可以在「微心愿」认领邻居的心愿，服务可获得志愿积分。</View>
              </Section>
            )}
            {!verified && !list.some((a) => a.status === 'pending') && (
              <Section title="向社区报到">
                {rejected && (
                  <View className="text-danger" data-testid="party-rejected">
                    上次的申请未通过：{rejected.reason}。请修改后重新提交。
                  </View>
                )}
                <TextField label="真实姓名" {...form.field('realName')} />
                <TextField label="所在党组织" {...form.field('partyOrg')} />
                <TextField label="工作单位" {...form.field('workplace')} />
                <View className="form-actions">
                  <Button
                    type="primary"
                    block
                    size="large"
                    loading={apply.busy}
                    onClick={() => void submit()}
                  >
                    提交报到申请
                  </Button>
                </View>
              </Section>
            )}
            {list.length > 0 && (
              <Section title="我的申请">
                {list.map((app) => (
                  <ApplicationItem key={app.id} app={app} />
                ))}
              </Section>
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
