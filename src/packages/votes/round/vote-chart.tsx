import type { ResultsView } from '@core/contract';
import { BarChart } from '../../../components/bar-chart';

const VOTES = [{ name: '票数', unit: '票', tone: 'plain' as const }];

/**
 * Votes per proposal, in the order the rule considered them: winners in the brand colour, each
 * with its votes and what became of it. The most votes fill the lane; none shows no bar.
 */
export function VoteChart({ results }: { results: Pick<ResultsView, 'items' | 'maxVotes'> }) {
  return (
    <BarChart
      testId="vote-chart"
      series={VOTES}
      max={results.maxVotes}
      bars={results.items.map((item) => ({
        key: item.proposalId,
        label: `${item.rank}. ${item.title}`,
        note: item.outcomeLabel,
        values: [item.votes],
        tone: item.outcome === 'won' ? 'brand' : undefined,
      }))}
    />
  );
}
