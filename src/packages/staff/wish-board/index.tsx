import { useState } from 'react';
import { View } from '@tarojs/components';
import { Cell, CellGroup, Tabs } from '@nutui/nutui-react-taro';
import { STAFF_BUCKETS, type StaffBucket } from '@core/contract';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { WishCard } from '../../../components/wish-card';
import { useCall } from '../../../hooks/use-call';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';
import './index.scss';

const BUCKET_LABELS: Record<StaffBucket, string> = {
  pending: '待审核',
  open: '待认领',
  claimed: '进行中',
  overdue: '已逾期',
  done: '本月完成',
  hidden: '已屏蔽',
  rejected: '未通过',
};

/** 微心愿看板: how many wishes are where, the wishes of one bucket, and the way to each tool. */
export default function WishBoard() {
  const [bucket, setBucket] = useState<StaffBucket>('open');
  const board = useCall('wishes', 'board', {});
  const wishes = usePaged('wishes', 'staffList', { bucket });
  const counts = board.data;
  const count: Record<StaffBucket, number | undefined> = {
    pending: counts?.pending,
    open: counts?.open,
    claimed: counts?.claimed,
    overdue: counts?.overdue,
    done: counts?.doneThisMonth,
    hidden: counts?.hidden,
    rejected: undefined,
  };

  return (
    <PageShell>
      <View className="wish-board" data-testid="wish-board">
        {(['open', 'claimed', 'overdue', 'done'] as const).map((b) => (
          <View key={b} className="wish-board__cell tap" onClick={() => setBucket(b)}>
            <View className="wish-board__count">{count[b] ?? '–'}</View>
            <View className="muted">{BUCKET_LABELS[b]}</View>
          </View>
        ))}
      </View>
      <CellGroup>
        <Cell
          title="心愿审核"
          extra={counts ? `${counts.pending} 条待审` : undefined}
          clickable
          onClick={() => go('staffWishReview')}
        />
        <Cell
          title="举报处理"
          extra={counts ? `${counts.openReports} 条待处理` : undefined}
          clickable
          onClick={() => go('staffReports')}
        />
        <Cell title="代老人发布心愿" clickable onClick={() => go('staffWishPostFor')} />
        <Cell
          title="双报到记录"
          description="按党员和年度查看、导出"
          clickable
          onClick={() => go('staffPartyRecords')}
        />
        <Cell
          title="微心愿设置"
          description="认领上限、完成积分"
          clickable
          onClick={() => go('staffWishSettings')}
        />
      </CellGroup>
      <Tabs value={bucket} onChange={(v) => setBucket(v as StaffBucket)}>
        {STAFF_BUCKETS.map((b) => (
          <Tabs.TabPane key={b} value={b} title={BUCKET_LABELS[b]} />
        ))}
      </Tabs>
      <Loaded state={wishes} skeleton="cards" empty={{ title: `没有${BUCKET_LABELS[bucket]}的心愿` }}>
        {(list) => (
          <>
            {list.map((wish) => (
              <WishCard key={wish.id} wish={wish} onOpen={(w) => go('wishDetail', { id: w.id })} />
            ))}
            <ListFooter list={wishes} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
