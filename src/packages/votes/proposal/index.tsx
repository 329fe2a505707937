import { View } from '@tarojs/components';
import { Button, Progress, Tag } from '@nutui/nutui-react-taro';
import type { ProposalView } from '@core/contract';
import { PROPOSAL_CATEGORY_LABELS, formatYuan } from '@core/domain/voting';
import { formatDateTime } from '@core/time';
import { Loaded } from '../../../components/loaded';
import { ReportAction } from '../../../components/report-action';
import { RestoreAction } from '../../../components/restore-action';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';
import { Photos } from '../shared/photos';
import { sharePercent } from '../../../components/bar-chart/share';
import '../shared/index.scss';

/** What became of the proposal: hidden, declined, merged, on a menu, a project. */
function Decision({ p }: { p: ProposalView }) {
  return (
    <>
      {p.hidden && (
        <Section testId="proposal-hidden">
          <View className="text-danger">该提议已被隐藏，仅您和社区工作人员可见</View>
          {p.hiddenReason && <View className="muted">原因：{p.hiddenReason}</View>}
        </Section>
      )}
      {p.status === 'pending' && (
        <Section>
          <View className="muted">等待社区工作人员审核，通过后进入需求清单。</View>
        </Section>
      )}
      {p.status === 'declined' && (
        <Section title="未采纳" testId="proposal-declined">
          <View>理由：{p.decisionReason}</View>
          {p.decidedAt !== null && <View className="muted">{formatDateTime(p.decidedAt)}</View>}
        </Section>
      )}
      {p.mergedInto && (
        <Section title="已合并" testId="proposal-merged">
          {p.decisionReason && <View className="muted">{p.decisionReason}</View>}
          <View className="actions">
            <Button size="small" onClick={() => go('voteProposal', { id: p.mergedInto!.id })}>
              查看「{p.mergedInto.title}」
            </Button>
          </View>
        </Section>
      )}
      {(p.roundId || p.projectId) && (
        <View className="votes-links">
          {p.roundId && <Button onClick={() => go('voteRound', { id: p.roundId! })}>查看投票</Button>}
          {p.projectId && (
            <Button onClick={() => go('voteProject', { id: p.projectId! })}>查看微实事项目</Button>
          )}
        </View>
      )}
    </>
  );
}

/** 附议: how many neighbours support it, the community's threshold, and the caller's own 附议. */
function Supports({ p, onSupport, busy }: { p: ProposalView; onSupport(): void; busy: boolean }) {
  if (p.status !== 'accepted') return null;
  return (
    <Section title={`附议 ${p.supportCount} 人`} testId="proposal-supports">
      <Progress percent={sharePercent(p.supportCount, p.supportThreshold)} showText={false} />
      <View className="muted">
        {p.menuReady
          ? `已达到 ${p.supportThreshold} 人的附议门槛，可列入投票菜单`
          : `达到 ${p.supportThreshold} 人附议即可列入投票菜单`}
        {p.mergedFromCount > 0 ? `（含合并的 ${p.mergedFromCount} 条相近提议的附议）` : ''}
      </View>
      {p.maySupport && (
        <View className="form-actions">
          <Button type="primary" block loading={busy} onClick={onSupport}>
            附议
          </Button>
        </View>
      )}
      {p.supported && <View className="muted">您已附议</View>}
    </Section>
  );
}

export default function ProposalDetail() {
  const { id = '' } = useParams('voteProposal');
  const proposal = useCall('votes', 'proposal', { proposalId: id });
  const support = useAction('votes', 'support', { done: '已附议' });
  const second = async (p: ProposalView) => {
    const updated = await support.run({ proposalId: p.id });
    if (updated) proposal.setData(updated);
  };
  return (
    <PageShell>
      <Loaded state={proposal} skeleton="detail">
        {(p) => (
          <>
            <Section title={p.title} extra={<Tag>{p.stageLabel}</Tag>}>
              <View className="muted" data-testid="proposal-meta">
                {PROPOSAL_CATEGORY_LABELS[p.category]} · {p.authorName} 提出 · {formatDateTime(p.createdAt)}
              </View>
              <View>{p.description}</View>
              {p.location && <View>地点：{p.location}</View>}
              {p.estimatedCost !== null && <View>估算费用：{formatYuan(p.estimatedCost)}</View>}
              <Photos photos={p.photos} />
            </Section>
            <Decision p={p} />
            <Supports p={p} busy={support.busy} onSupport={() => void second(p)} />
            {p.mayScreen && (
              <View className="votes-links">
                <Button onClick={() => go('staffProposals')}>去审核</Button>
              </View>
            )}
            <ReportAction kind="proposal" id={p.id} mayReport={p.mayReport} />
            <RestoreAction
              kind="proposal"
              id={p.id}
              mayRestore={p.mayRestore}
              onRestored={() => void proposal.reload()}
            />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
