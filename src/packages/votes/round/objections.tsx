import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type RoundView } from '@core/contract';
import { formatDateTime } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';

/** The 公示: objections residents filed and the community's public answers; file one while it runs. */
export function Objections({ round, onChange }: { round: RoundView; onChange(): Promise<void> }) {
  const prompt = usePrompt();
  const file = useAction('votes', 'fileObjection', { done: '异议已提交，社区将公开答复' });
  const object = async () => {
    const text = await prompt.ask({
      title: '对结果提出异议',
      placeholder: '请写明异议内容，社区工作人员将公开答复',
      confirmText: '提交',
      field: contract.votes.fileObjection.input.shape.text,
    });
    if (text !== null && (await file.run({ roundId: round.id, text }))) await onChange();
  };
  if (round.phase !== 'publicity' && round.phase !== 'final') return null;
  return (
    <Section title="结果公示与异议" testId="objections">
      {round.publicityEndsAt !== null && (
        <View className="muted">
          {round.phase === 'publicity'
            ? `公示至 ${formatDateTime(round.publicityEndsAt)}，公示期内可对结果提出异议`
            : `公示已于 ${formatDateTime(round.publicityEndsAt)} 结束`}
        </View>
      )}
      {round.unansweredObjections > 0 && (
        <View className="muted">有 {round.unansweredObjections} 条异议待答复，答复后结果方可确定。</View>
      )}
      {round.objections.length === 0 && <View className="muted">暂无异议</View>}
      {round.objections.map((o) => (
        <ListRow
          key={o.id}
          testId="objection"
          title={o.text}
          description={`${o.authorName}${o.isMine ? '（我）' : ''} · ${formatDateTime(o.createdAt)}`}
        >
          <View className={o.answeredAt ? '' : 'muted'}>
            {o.answeredAt ? `社区答复：${o.answer}` : '待答复'}
          </View>
        </ListRow>
      ))}
      {round.mayObject && (
        <View className="actions">
          <Button loading={file.busy} onClick={() => void object()}>
            提出异议
          </Button>
        </View>
      )}
      {prompt.dialog}
    </Section>
  );
}
