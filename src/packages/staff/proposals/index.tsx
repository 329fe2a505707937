import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs, Tag } from '@nutui/nutui-react-taro';
import { contract, type ProposalView } from '@core/contract';
import { PROPOSAL_CATEGORY_LABELS, formatYuan } from '@core/domain/voting';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';
import { MergePanel } from './merge';

/** One proposal as staff read it before deciding. */
function ProposalCard({ p, children }: { p: ProposalView; children: ReactNode }) {
  return (
    <Section title={p.title} extra={<Tag>{p.stageLabel}</Tag>} testId="staff-proposal">
      <View className="muted">
        {PROPOSAL_CATEGORY_LABELS[p.category]} · {p.authorName} · {formatDateTime(p.createdAt)}
      </View>
      <View>{p.description}</View>
      {p.location && <View className="muted">地点：{p.location}</View>}
      {p.estimatedCost !== null && <View className="muted">估算费用：{formatYuan(p.estimatedCost)}</View>}
      {p.photos.length > 0 && <View className="muted">现场照片 {p.photos.length} 张</View>}
      {p.status === 'accepted' && (
        <View className="muted">
          附议 {p.supportCount}/{p.supportThreshold}
        </View>
      )}
      <View className="actions">
        <Button size="small" fill="none" onClick={() => go('voteProposal', { id: p.id })}>
          详情
        </Button>
        {children}
      </View>
    </Section>
  );
}

/** 待审核: accept into the 需求清单, decline with a public reason, or merge into one already there. */
function Pending() {
  const pending = usePaged('votes', 'pendingProposals', {});
  const prompt = usePrompt();
  const screen = useAction('votes', 'screenProposal', {
    done: (p) => (p.status === 'accepted' ? '已采纳，进入需求清单' : '已答复提议人'),
  });
  const drop = (id: ProposalView['id']) => pending.setData((list) => list.filter((p) => p.id !== id));
  const accept = async (p: ProposalView) => {
    if (await screen.run({ proposalId: p.id, accept: true })) drop(p.id);
  };
  const decline = async (p: ProposalView) => {
    const reason = await prompt.ask({
      title: '不采纳',
      placeholder: '理由将公开，并告知提议人',
      confirmText: '不采纳',
      field: contract.votes.screenProposal.input.shape.reason,
      required: '请填写不采纳的理由',
    });
    if (reason !== null && (await screen.run({ proposalId: p.id, accept: false, reason }))) drop(p.id);
  };
  return (
    <>
      <Loaded state={pending} skeleton="cards" empty={{ title: '没有待审核的提议' }}>
        {(list) => (
          <>
            {list.map((p) => (
              <ProposalCard key={p.id} p={p}>
                {p.mayScreen && (
                  <>
                    <Button size="small" type="primary" loading={screen.busy} onClick={() => void accept(p)}>
                      采纳
                    </Button>
                    <Button size="small" onClick={() => void decline(p)}>
                      不采纳
                    </Button>
                  </>
                )}
                {p.mayMerge && <MergePanel proposal={p} onMerged={() => drop(p.id)} />}
              </ProposalCard>
            ))}
            <ListFooter list={pending} />
          </>
        )}
      </Loaded>
      {prompt.dialog}
    </>
  );
}

/** 需求清单: duplicates found later are merged here too. */
function Listed() {
  const listed = usePaged('votes', 'proposals', {});
  return (
    <Loaded state={listed} skeleton="cards" empty={{ title: '需求清单是空的' }}>
      {(list) => (
        <>
          {list.map((p) => (
            <ProposalCard key={p.id} p={p}>
              {p.mayMerge && <MergePanel proposal={p} onMerged={() => void listed.reload()} />}
            </ProposalCard>
          ))}
          <ListFooter list={listed} />
        </>
      )}
    </Loaded>
  );
}

type Tab = 'pending' | 'listed';

export default function ScreenProposals() {
  const [tab, setTab] = useState<Tab>('pending');
  return (
    <PageShell>
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        <Tabs.TabPane value="pending" title="待审核" />
        <Tabs.TabPane value="listed" title="需求清单" />
      </Tabs>
      {tab === 'pending' ? <Pending /> : <Listed />}
    </PageShell>
  );
}
