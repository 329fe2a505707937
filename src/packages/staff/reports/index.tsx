import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs, Tag } from '@nutui/nutui-react-taro';
import { contract, type ReportView } from '@core/contract';
import type { ReportDecision, TargetKind } from '@core/domain/moderation';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

type Status = 'open' | 'decided';

/**
 * Where staff open a reported item, by kind; null while that kind has no page here yet. Typed by
 * TargetKind, so a new kind must say where its items are.
 */
const OPEN_TARGET: Record<TargetKind, ((id: string) => void) | null> = {
  wish: (id) => go('wishDetail', { id }),
  proposal: (id) => go('voteProposal', { id }),
};

const DECISIONS: Record<ReportDecision, { title: string; confirmText: string; placeholder: string }> = {
  hide: {
    title: '屏蔽该内容',
    confirmText: '确认屏蔽',
    placeholder: '处理说明，举报人和发布人会看到',
  },
  keep: { title: '保留该内容', confirmText: '确认保留', placeholder: '处理说明，举报人会看到' },
};

function ReportRow({ report, onDecide }: { report: ReportView; onDecide(d: ReportDecision): void }) {
  const openTarget = OPEN_TARGET[report.kind];
  return (
    <ListRow
      testId="staff-report"
      title={
        <View className="row">
          <View className="section__title">{report.title}</View>
          <Tag type={report.status === 'open' ? 'warning' : 'default'}>{report.statusLabel}</Tag>
        </View>
      }
      description={`${report.kindLabel} · ${report.categoryLabel} · ${report.reporterName} · ${formatDateTime(report.createdAt)}`}
    >
      {report.excerpt && <View className="muted">原文：{report.excerpt}</View>}
      {report.text && <View>举报说明：{report.text}</View>}
      <View className="muted">{report.targetPublic ? '内容仍公开展示' : '内容已不公开'}</View>
      {report.note && <View>处理说明：{report.note}</View>}
      <View className="actions">
        {openTarget && (
          <Button size="small" onClick={() => openTarget(report.targetId)}>
            查看
          </Button>
        )}
        {report.status === 'open' && (
          <>
            <Button size="small" type="primary" onClick={() => onDecide('hide')}>
              屏蔽
            </Button>
            <Button size="small" onClick={() => onDecide('keep')}>
              保留
            </Button>
          </>
        )}
      </View>
    </ListRow>
  );
}

/** 举报处理: reports of anything residents publish, answered by hiding the item or keeping it. */
export default function Reports() {
  const [status, setStatus] = useState<Status>('open');
  const reports = usePaged('moderation', 'listReports', { status });
  const prompt = usePrompt();
  const decide = useAction('moderation', 'decide', {
    done: (r) => (r.status === 'hidden' ? '已屏蔽，已通知举报人' : '已保留，已通知举报人'),
  });

  const onDecide = async (report: ReportView, decision: ReportDecision) => {
    const note = await prompt.ask({
      ...DECISIONS[decision],
      field: contract.moderation.decide.input.shape.note,
    });
    if (note === null) return;
    if (await decide.run({ reportId: report.id, decision, note })) await reports.reload();
  };

  return (
    <PageShell>
      <Tabs value={status} onChange={(v) => setStatus(v as Status)}>
        <Tabs.TabPane value="open" title="待处理" />
        <Tabs.TabPane value="decided" title="已处理" />
      </Tabs>
      <Loaded
        state={reports}
        skeleton="list"
        empty={{ title: status === 'open' ? '没有待处理的举报' : '还没有处理过的举报' }}
      >
        {(list) => (
          <Section>
            {list.map((report) => (
              <ReportRow key={report.id} report={report} onDecide={(d) => void onDecide(report, d)} />
            ))}
            <ListFooter list={reports} />
          </Section>
        )}
      </Loaded>
      {prompt.dialog}
    </PageShell>
  );
}
