import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { contract, type ObjectionView, type RoundView } from '@core/contract';
import { formatDateTime, formatSpan } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';

/** Objections filed during the 公示, each answered publicly once; the round is final only after. */
function Objections({ round, onChange }: { round: RoundView; onChange(): Promise<void> }) {
  const prompt = usePrompt();
  const answer = useAction('votes', 'answerObjection', { done: '已公开答复' });
  const reply = async (o: ObjectionView) => {
    const text = await prompt.ask({
      title: '答复异议',
      placeholder: '答复将公开显示，并通知提出人',
      confirmText: '答复',
      field: contract.votes.answerObjection.input.shape.answer,
    });
    if (text !== null && (await answer.run({ objectionId: o.id, answer: text }))) await onChange();
  };
  return (
    <Section title={`异议（待答复 ${round.unansweredObjections} 条）`} testId="staff-objections">
      {round.objections.length === 0 && <View className="muted">暂无异议</View>}
      {round.objections.map((o) => (
        <ListRow
          key={o.id}
          testId="staff-objection"
          title={o.text}
          description={`${o.authorName} · ${formatDateTime(o.createdAt)}`}
          extra={
            o.mayAnswer ? (
              <Button size="small" type="primary" onClick={() => void reply(o)}>
                答复
              </Button>
            ) : undefined
          }
        >
          {o.answeredAt && <View className="muted">已答复：{o.answer}</View>}
        </ListRow>
      ))}
      {prompt.dialog}
    </Section>
  );
}

/** Winners of a final round that are not projects yet: 立项. */
function Projectable({ round }: { round: RoundView }) {
  if (round.projectableIds.length === 0) return null;
  return (
    <Section title="待立项的入选提议" testId="projectable">
      {round.projectableIds.map((proposalId) => (
        <ListRow
          key={proposalId}
          title={round.menu.find((m) => m.proposalId === proposalId)?.title ?? ''}
          extra={
            <Button
              size="small"
              type="primary"
              onClick={() => go('staffProjectEdit', { roundId: round.id, proposalId })}
            >
              立项
            </Button>
          }
        />
      ))}
    </Section>
  );
}

/** 投票管理: one round for staff — edit or cancel before it freezes, paper ballots, objections, 立项. */
export default function ManageRound() {
  const { id = '' } = useParams('staffRound');
  const round = useCall('votes', 'round', { roundId: id });
  const prompt = usePrompt();
  const cancel = useAction('votes', 'cancelRound', { done: '已取消' });
  const cancelRound = async (r: RoundView) => {
    const reason = await prompt.ask({
      title: '取消投票',
      placeholder: '请填写取消原因（将公开）',
      confirmText: '取消投票',
      field: contract.votes.cancelRound.input.shape.reason,
    });
    const cancelled = reason !== null ? await cancel.run({ roundId: r.id, reason }) : undefined;
    if (cancelled) round.setData(cancelled);
  };
  return (
    <PageShell>
      <Loaded state={round} skeleton="detail">
        {(r) => (
          <>
            <Section title={r.title} extra={<Tag type="primary">{r.phaseLabel}</Tag>}>
              <View>投票时间：{formatSpan(r.startAt, r.endAt)}</View>
              <View>规则：{r.ruleText}</View>
              <View className="muted">
                投票资格：{r.eligibilityText} · 菜单 {r.menuCount} 项 ·{' '}
                {r.liveResults ? '实时显示结果' : '结束后公布结果'}
              </View>
              {!r.mayEdit && r.phase !== 'cancelled' && (
                <View className="muted" data-testid="round-frozen">
                  规则、菜单和预算已冻结，不能再修改。
                </View>
              )}
              <View className="actions">
                {r.mayEdit && <Button onClick={() => go('staffRoundEdit', { id: r.id })}>编辑</Button>}
                {r.mayCancel && (
                  <Button loading={cancel.busy} onClick={() => void cancelRound(r)}>
                    取消投票
                  </Button>
                )}
                {r.mayRecordPaper && (
                  <Button type="primary" onClick={() => go('staffPaperBallot', { roundId: r.id })}>
                    录入纸质选票
                  </Button>
                )}
                <Button onClick={() => go('voteRound', { id: r.id })}>查看结果页</Button>
              </View>
            </Section>
            {(r.phase === 'publicity' || r.phase === 'final') && (
              <Objections round={r} onChange={round.reload} />
            )}
            <Projectable round={r} />
            {prompt.dialog}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
