import { View } from '@tarojs/components';
import type { RankingView } from '@core/contract';
import { Avatar } from '../../../components/avatar';

type Row = RankingView['rows'][number];

const MEDALS = ['gold', 'silver', 'bronze'] as const;

/** The top three with their pictures and medals: second, first, third, as on a podium. */
export function Podium({ rows }: { rows: Row[] }) {
  const top = rows.filter((r) => r.rank <= 3).slice(0, 3);
  if (top.length === 0) return null;
  const order = top.length === 3 ? [top[1], top[0], top[2]] : top;
  return (
    <View className="llt-podium" data-testid="podium">
      {order.map((row) => (
        <View
          key={`${row.rank}-${row.nickname}`}
          className={`llt-podium__place llt-podium__place--${row.rank}`}
          data-testid="ranking-row"
        >
          <View className="llt-podium__picture">
            <Avatar name={row.nickname} url={row.avatarUrl} size="large" />
            <View className={`llt-podium__medal llt-podium__medal--${MEDALS[row.rank - 1]}`}>{row.rank}</View>
          </View>
          <View className="llt-podium__name">
            {row.nickname}
            {row.isMe ? '（我）' : ''}
          </View>
          <View className="llt-podium__points">{row.points} 分</View>
        </View>
      ))}
    </View>
  );
}
