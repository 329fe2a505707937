import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { contract, type ApplicationView } from '@core/contract';
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
} from '@core/domain/applications';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { usePaged } from '../../../hooks/use-paged';

/** Staff review 双报到 applications: approve after a confirm step, or reject with a reason. */
export default function Applications() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const apps = usePaged('user', 'listApplications', { status });
  const prompt = usePrompt();
  const decide = useAction('user', 'decideApplication', {
    // A rejection's confirm step is the reason dialog; an approval gets one of its own.
    confirm: (input) =>
      input.approve
        ? {
            title: '通过申请',
            content: `确认${apps.data?.find((a) => a.id === input.applicationId)?.applicantName ?? '该居民'}为双报到党员？`,
            confirmText: '通过',
          }
        : null,
    done: (app) => (app.status === 'approved' ? '已通过' : '已驳回'),
  });

  const approve = async (app: ApplicationView) => {
    const decided = await decide.run({ applicationId: app.id, approve: true });
    if (decided) await apps.reload();
  };
  const reject = async (app: ApplicationView) => {
    const reason = await prompt.ask({
      title: '驳回申请',
      placeholder: '请填写驳回理由，申请人会看到',
      confirmText: '确认驳回',
      field: contract.user.decideApplication.input.shape.reason,
      required: '请填写驳回理由',
    });
    if (reason === null) return;
    if (await decide.run({ applicationId: app.id, approve: false, reason })) await apps.reload();
  };

  return (
    <PageShell>
      <Tabs value={status} onChange={(value) => setStatus(value as ApplicationStatus)}>
        {APPLICATION_STATUSES.map((s) => (
          <Tabs.TabPane key={s} value={s} title={APPLICATION_STATUS_LABELS[s]} />
        ))}
      </Tabs>
      <Loaded state={apps} skeleton="list" empty={{ title: '暂无申请' }}>
        {(list) => (
          <Section>
            {list.map((app) => (
              <ListRow
                key={app.id}
                testId="staff-application"
                title={<View className="section__title">{app.applicantName}</View>}
              >
                <View>党组织：{app.partyOrg}</View>
                <View>工作单位：{app.workplace}</View>
                <View className="muted">提交于 {formatDateTime(app.createdAt)}</View>
                {app.reason && <View className="muted">说明：{app.reason}</View>}
                {app.status === 'pending' && (
                  <View className="actions">
                    <Button type="primary" size="small" onClick={() => void approve(app)}>
                      通过
                    </Button>
                    <Button size="small" onClick={() => void reject(app)}>
                      驳回
                    </Button>
                  </View>
                )}
              </ListRow>
            ))}
            <ListFooter list={apps} />
          </Section>
        )}
      </Loaded>
      {prompt.dialog}
    </PageShell>
  );
}
