import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { formatDateTime } from '@core/time';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { Skeleton } from '../../../components/skeleton';
import { fetchOutbox, type OutboxRow } from '../../../services/dev-api';

/** Local cloud only: every notification the functions sent, to any user. */
export default function DevOutbox() {
  const [rows, setRows] = useState<OutboxRow[] | null>(null);

  useEffect(() => {
    void fetchOutbox().then(setRows);
  }, []);

  return (
    <PageShell requiresLogin={false}>
      {!rows && <Skeleton shape="list" />}
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
