import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { BallotReceipt, ProposalId, RoundView, UserView } from '@core/contract';
import { BallotForm, choiceTitles } from '../../../components/ballot-picker';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { ResidentPicker } from './resident-picker';

function Recorded({ receipt, voter, onNext }: { receipt: BallotReceipt; voter: string; onNext(): void }) {
  return (
    <Section title="纸质选票已录入" testId="paper-receipt">
      <View>投票人：{voter}</View>
      <View>所选：{receipt.choices.map((c) => c.title).join('、')}</View>
      <View className="muted">
        {receipt.channelLabel}选票 · 由{receipt.recordedByName}代录
      </View>
      <View className="form-actions">
        <Button type="primary" block onClick={onNext}>
          录入下一张
        </Button>
      </View>
    </Section>
  );
}

/** A ballot cast on paper at the 社区 desk, recorded for the resident: one per resident, online or paper. */
function PaperBallot({ round }: { round: RoundView }) {
  const [voter, setVoter] = useState<UserView | null>(null);
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null);
  const record = useAction('votes', 'recordPaperBallot', {
    confirm: (input) => ({
      title: '录入纸质选票',
      content: `为${voter?.displayName ?? ''}录入：${choiceTitles(round.menu, input.choices)}。录入后不能修改，该居民不能再线上投票。`,
      confirmText: '录入',
    }),
    done: '已录入',
  });
  const submit = async (resident: UserView, choices: ProposalId[]) => {
    const recorded = await record.run({ roundId: round.id, userId: resident.id, choices });
    if (recorded) setReceipt(recorded);
  };
  const next = () => {
    setVoter(null);
    setReceipt(null);
  };

  if (receipt && voter) return <Recorded receipt={receipt} voter={voter.displayName} onNext={next} />;
  if (!voter) return <ResidentPicker onPick={setVoter} />;
  return (
    <Section title={`${voter.displayName}的选票`} testId="paper-ballot">
      <View className="actions">
        <Button size="small" fill="none" onClick={() => setVoter(null)}>
          更换居民
        </Button>
      </View>
      <BallotForm
        round={round}
        submitText="录入选票"
        busy={record.busy}
        onSubmit={(choices) => void submit(voter, choices)}
      />
    </Section>
  );
}

export default function RecordPaperBallot() {
  const { roundId = '' } = useParams('staffPaperBallot');
  const round = useCall('votes', 'round', { roundId }, { refreshOnShow: false });
  return (
    <PageShell>
      <Loaded state={round} skeleton="form">
        {(r) => (
          <>
            <Section title={r.title}>
              <View>规则：{r.ruleText}</View>
              <View className="muted">
                居民在社区服务台填写纸质选票后，由工作人员在此录入；每位居民线上或纸质只能投一次。
              </View>
            </Section>
            {r.mayRecordPaper ? (
              <PaperBallot round={r} />
            ) : (
              <View className="muted center">投票进行中才能录入纸质选票（当前：{r.phaseLabel}）</View>
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
