import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { formatDateTime } from '@core/time';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { Skeleton } from '../../../components/skeleton';
import { fetchOutbox, type OutboxRow } from '../../../services/dev-api';

/**
 * Local cloud only: the notifications the functions queued — the demo user's own, or everyone's
 * for staff (the server decides by the dev identity).
 */
export default function DevOutbox() {
  const [rows, setRows] = useState<OutboxRow[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    fetchOutbox().then(setRows, () => setFailed(true));
  }, []);

  return (
    <PageShell requiresLogin={false}>
      {failed && <EmptyState title="请先在登录页选择演示用户" />}
      {!rows && !failed && <Skeleton shape="list" />}
      {rows?.length === 0 && <EmptyState title="发件箱是空的" />}
      <View className="section">
        {rows?.map((row) => (
          <View key={row.id} className="list-item">
            <View className="section__title">
              {row.title} → {row.userName}
            </View>
            <View>{row.body}</View>
            <View className="muted">
              {formatDateTime(row.createdAt)} · {row.status}
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
