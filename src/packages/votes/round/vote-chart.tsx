import { View } from '@tarojs/components';
import type { ResultsView } from '@core/contract';
import { sharePercent } from '../shared/share';
import './vote-chart.scss';

/**
 * Votes per proposal as horizontal bars, drawn with plain views (no chart library): in the order the
 * rule considered them, winners in the brand colour, each with its votes and what became of it.
 */
export function VoteChart({ results }: { results: Pick<ResultsView, 'items' | 'maxVotes'> }) {
  return (
    <View className="llt-vote-chart" data-testid="vote-chart">
      {results.items.map((item) => (
        <View key={item.proposalId} className="llt-vote-chart__row" data-testid="vote-chart-row">
          <View className="llt-vote-chart__label">
            <View className="llt-vote-chart__title">
              {item.rank}. {item.title}
            </View>
            <View className={`llt-vote-chart__outcome llt-vote-chart__outcome--${item.outcome}`}>
              {item.outcomeLabel}
            </View>
          </View>
          <View className="llt-vote-chart__track">
            <View className="llt-vote-chart__lane">
              {/* The most-voted proposal fills the lane; one without votes shows none. */}
              <View
                className={`llt-vote-chart__bar llt-vote-chart__bar--${item.outcome}`}
                style={{ width: `${sharePercent(item.votes, results.maxVotes)}%` }}
                data-testid="vote-bar"
              />
            </View>
            <View className="llt-vote-chart__votes">{item.votes} 票</View>
          </View>
        </View>
      ))}
    </View>
  );
}
