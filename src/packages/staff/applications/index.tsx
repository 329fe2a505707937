import { useCallback, useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Dialog, Empty, Tabs, TextArea } from '@nutui/nutui-react-taro';
import type { ApplicationView } from '@core/contract';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@core/domain/applications';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

const TABS: ApplicationStatus[] = ['pending', 'approved', 'rejected'];

export default function Applications() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const [apps, setApps] = useState<ApplicationView[] | null>(null);
  const [rejecting, setRejecting] = useState<ApplicationView | null>(null);
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    const res = await call('user', 'listApplications', { status });
    if (res.ok) setApps(res.data);
    else showError(res);
  }, [status]);

  useEffect(() => {
    setApps(null);
    void load();
  }, [load]);

  const decide = async (app: ApplicationView, approve: boolean, why = '') => {
    const res = await call('user', 'decideApplication', { applicationId: app.id, approve, reason: why });
    if (!res.ok) return showError(res);
    showDone(approve ? '已通过' : '已驳回');
    setRejecting(null);
    setReason('');
    await load();
  };

  return (
    <PageShell>
      <Tabs value={status} onChange={(value) => setStatus(value as ApplicationStatus)}>
        {TABS.map((s) => (
          <Tabs.TabPane key={s} value={s} title={APPLICATION_STATUS_LABELS[s]} />
        ))}
      </Tabs>
      {apps?.length === 0 && <Empty title="暂无申请" />}
      {apps && apps.length > 0 && (
        <View className="section">
          {apps.map((app) => (
            <View key={app.id} className="list-item" data-testid="staff-application">
              <View className="section__title">{app.applicantName}</View>
              <View>党组织：{app.partyOrg}</View>
              <View>工作单位：{app.workplace}</View>
              <View className="muted">提交于 {formatDateTime(app.createdAt)}</View>
              {app.reason && <View className="muted">说明：{app.reason}</View>}
              {app.status === 'pending' && (
                <View className="actions">
                  <Button type="primary" size="small" onClick={() => void decide(app, true)}>
                    通过
                  </Button>
                  <Button size="small" onClick={() => setRejecting(app)}>
                    驳回
                  </Button>
                </View>
              )}
            </View>
          ))}
        </View>
      )}
      <Dialog
        visible={rejecting !== null}
        title="驳回申请"
        confirmText="确认驳回"
        onConfirm={() => {
          if (rejecting) void decide(rejecting, false, reason);
        }}
        onCancel={() => setRejecting(null)}
      >
        <TextArea
          value={reason}
          onChange={setReason}
          placeholder="请填写驳回理由，申请人会看到"
          maxLength={100}
        />
      </Dialog>
    </PageShell>
  );
}
