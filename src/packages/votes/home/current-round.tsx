import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { RoundSummary } from '@core/contract';
import { formatSpan } from '@core/time';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { go } from '../../../services/navigation';
import { Receipt } from '../shared/receipt';

/** The round the home leads with: when, by what rule, and the caller's ballot or the way to cast it. */
export function CurrentRound({ round }: { round: RoundSummary }) {
  // The receipt lives on the round's own view: asked for only once there is a ballot.
  const detail = useCall('votes', 'round', round.hasVoted ? { roundId: round.id } : null);
  const receipt = detail.data?.myBallot;
  return (
    <>
      <Section
        title={round.title}
        extra={<Tag type="primary">{round.phaseLabel}</Tag>}
        testId="current-round"
      >
        <View>投票时间：{formatSpan(round.startAt, round.endAt)}</View>
        <View>规则：{round.ruleText}</View>
        <View className="muted">投票资格：{round.eligibilityText}</View>
        {!round.mayVote && !round.hasVoted && round.voteBlockedReason && (
          <View className="muted">{round.voteBlockedReason}</View>
        )}
        <View className="actions">
          <Button
            type={round.mayVote ? 'primary' : 'default'}
            onClick={() => go('voteRound', { id: round.id })}
          >
            {round.mayVote ? '去投票' : '查看详情'}
          </Button>
        </View>
      </Section>
      {receipt && <Receipt receipt={receipt} budgetRound={round.rule.kind === 'budget'} />}
    </>
  );
}
