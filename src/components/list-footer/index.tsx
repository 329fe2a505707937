import { View } from '@tarojs/components';
import type { Paged } from '../../hooks/use-paged';
import '../list-row/index.scss';

/** Under a paged list: 加载更多 to tap (scrolling to the bottom loads it too), or the end. */
export function ListFooter({
  list,
}: {
  list: Pick<Paged<unknown>, 'data' | 'more' | 'hasMore' | 'loadMore'>;
}) {
  if (!list.data || list.data.length === 0) return null;
  if (list.more) return <View className="llt-list-footer">加载中…</View>;
  if (list.hasMore)
    return (
      <View className="llt-list-footer tap" onClick={() => void list.loadMore()} data-testid="load-more">
        加载更多
      </View>
    );
  return <View className="llt-list-footer">没有更多了</View>;
}
