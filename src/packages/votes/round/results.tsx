import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ResultsView } from '@core/contract';
import { formatYuan } from '@core/domain/voting';
import { Section } from '../../../components/section';
import { sharePercent } from '../../../components/bar-chart/share';
import { VoteChart } from './vote-chart';

function stateTag(r: ResultsView) {
  if (r.provisional) return <Tag type="warning">实时结果</Tag>;
  return r.final ? <Tag type="success">结果已确定</Tag> : <Tag type="primary">公示中</Tag>;
}

/** Who took part: ballots against eligible residents, and online against paper. */
function Turnout({ r }: { r: ResultsView }) {
  return (
    <View className="votes-turnout" data-testid="turnout">
      <View>
        投票 {r.ballots} 人 / 可投票 {r.eligibleCount} 人，投票率 {r.turnoutPercent}%
      </View>
      <View className="votes-turnout__bar">
        <View
          className="votes-turnout__online"
          style={{ width: `${sharePercent(r.onlineBallots, r.ballots)}%` }}
        />
        <View
          className="votes-turnout__paper"
          style={{ width: `${sharePercent(r.paperBallots, r.ballots)}%` }}
        />
      </View>
      <View className="muted">
        线上 {r.onlineBallots} 票 · 纸质 {r.paperBallots} 票
      </View>
    </View>
  );
}

/** The results: the chart, the turnout, the winners and the rule that chose them. */
export function Results({ results: r }: { results: ResultsView }) {
  const winners = r.items.filter((item) => r.winnerIds.includes(item.proposalId));
  return (
    <Section title="投票结果" extra={stateTag(r)} testId="results">
      {r.provisional && <View className="muted">投票进行中，实时结果仅供参考，以投票结束后的计票为准。</View>}
      <VoteChart results={r} />
      <Turnout r={r} />
      <View className="votes-winners" data-testid="winners">
        {r.provisional ? '目前领先：' : '入选：'}
        {winners.length ? winners.map((w) => w.title).join('、') : '无'}
      </View>
      {r.budget !== null && (
        <View>
          预算 {formatYuan(r.budget)}，入选提议合计 {formatYuan(r.budgetUsed ?? 0)}
        </View>
      )}
      <View className="muted">规则：{r.ruleText}</View>
      <View className="muted">同票时：{r.tieBreakText}</View>
    </Section>
  );
}
