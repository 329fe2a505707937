import type { ProposalId, RoundView } from '@core/contract';
import { BallotForm, choiceTitles } from '../../../components/ballot-picker';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';

/** The caller's one ballot: choose on the menu, confirm, and it is final. */
export function Ballot({ round, onCast }: { round: RoundView; onCast(): Promise<void> }) {
  const cast = useAction('votes', 'castBallot', {
    confirm: (input) => ({
      title: '确认投票',
      content: `您选择了：${choiceTitles(round.menu, input.choices)}。选票提交后不能修改。`,
      confirmText: '投票',
    }),
    done: '投票成功',
  });
  const submit = async (choices: ProposalId[]) => {
    if (await cast.run({ roundId: round.id, choices })) await onCast();
  };
  return (
    <Section title="我的选票" testId="ballot">
      <BallotForm round={round} submitText="提交选票" busy={cast.busy} onSubmit={(c) => void submit(c)} />
    </Section>
  );
}
