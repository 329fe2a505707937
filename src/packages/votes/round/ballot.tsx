import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProposalId, RoundView } from '@core/contract';
import { BallotPicker } from '../../../components/ballot-picker';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';

/** The caller's one ballot: choose on the menu, confirm, and it is final. */
export function Ballot({ round, onCast }: { round: RoundView; onCast(): Promise<void> }) {
  const [choices, setChoices] = useState<ProposalId[]>([]);
  const titles = (ids: readonly string[]) =>
    ids.map((id) => round.menu.find((m) => m.proposalId === id)?.title ?? '').join('、');
  const cast = useAction('votes', 'castBallot', {
    confirm: (input) => ({
      title: '确认投票',
      content: `您选择了：${titles(input.choices)}。选票提交后不能修改。`,
      confirmText: '投票',
    }),
    done: '投票成功',
  });
  const submit = async () => {
    if (await cast.run({ roundId: round.id, choices })) await onCast();
  };
  return (
    <Section title="我的选票" testId="ballot">
      <BallotPicker rule={round.rule} menu={round.menu} value={choices} onChange={setChoices} />
      <View className="form-actions">
        <Button
          type="primary"
          block
          disabled={choices.length === 0}
          loading={cast.busy}
          onClick={() => void submit()}
        >
          提交选票
        </Button>
      </View>
    </Section>
  );
}
