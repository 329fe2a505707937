import { View } from '@tarojs/components';
import './index.scss';

/** The rough shape of what is loading, so the page does not jump when it arrives. */
export type SkeletonShape = 'list' | 'cards' | 'detail' | 'grid' | 'form';

const Line = ({ width = '100%', tall = false }: { width?: string; tall?: boolean }) => (
  <View className={`llt-skeleton__line${tall ? ' llt-skeleton__line--tall' : ''}`} style={{ width }} />
);

function Card({ lines }: { lines: number }) {
  return (
    <View className="llt-skeleton__card">
      <Line width="60%" tall />
      {Array.from({ length: lines }, (_, i) => (
        <Line key={i} width={i === lines - 1 ? '40%' : '90%'} />
      ))}
    </View>
  );
}

/** Grey blocks shaped like the page, shown while its first answer is on its way. */
export function Skeleton({ shape = 'list' }: { shape?: SkeletonShape }) {
  return (
    <View className={`llt-skeleton llt-skeleton--${shape}`} data-testid="skeleton" aria-busy="true">
      {shape === 'list' && (
        <View className="llt-skeleton__card">
          {Array.from({ length: 5 }, (_, i) => (
            <View key={i} className="llt-skeleton__row">
              <Line width="55%" />
              <Line width="30%" />
            </View>
          ))}
        </View>
      )}
      {shape === 'cards' && [0, 1, 2].map((i) => <Card key={i} lines={2} />)}
      {shape === 'detail' && (
        <>
          <View className="llt-skeleton__banner" />
          <Card lines={4} />
          <View className="llt-skeleton__button" />
        </>
      )}
      {shape === 'grid' && (
        <View className="llt-skeleton__grid">
          {[0, 1, 2, 3].map((i) => (
            <View key={i} className="llt-skeleton__tile">
              <View className="llt-skeleton__photo" />
              <Line width="70%" />
              <Line width="40%" />
            </View>
          ))}
        </View>
      )}
      {shape === 'form' && (
        <View className="llt-skeleton__card">
          {[0, 1, 2, 3].map((i) => (
            <View key={i} className="llt-skeleton__row">
              <Line width="25%" />
              <Line width="60%" />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
