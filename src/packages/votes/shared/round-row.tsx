import { Tag } from '@nutui/nutui-react-taro';
import type { RoundSummary } from '@core/contract';
import { formatSpan } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { go } from '../../../services/navigation';

/** One round of a list: its title, phase, voting time and whether the caller voted. */
export function RoundRow({ round }: { round: RoundSummary }) {
  return (
    <ListRow
      testId="round"
      onClick={() => go('voteRound', { id: round.id })}
      title={round.title}
      description={`${formatSpan(round.startAt, round.endAt)}${round.hasVoted ? ' · 已投票' : ''}`}
      extra={<Tag type={round.phase === 'voting' ? 'primary' : 'default'}>{round.phaseLabel}</Tag>}
    />
  );
}
