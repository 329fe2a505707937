import { View } from '@tarojs/components';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { WishActions } from '../../../components/wish-actions';
import { PhotoGrid, WishCard } from '../../../components/wish-card';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/**
 * 心愿审核: wishes waiting for review, first come first served. Staff approve one onto the wall,
 * reject it with a reason the poster sees, or edit it (the poster's original is kept).
 */
export default function WishReview() {
  const queue = usePaged('wishes', 'staffList', { bucket: 'pending' });
  const prompt = usePrompt();
  return (
    <PageShell>
      <Loaded
        state={queue}
        skeleton="cards"
        empty={{ title: '没有待审核的心愿', description: '新的心愿提交后会出现在这里' }}
      >
        {(list) => (
          <>
            {list.map((wish) => (
              <WishCard key={wish.id} wish={wish} onOpen={(w) => go('wishDetail', { id: w.id })}>
                {wish.story && <View>{wish.story}</View>}
                <PhotoGrid photos={wish.photos} />
                <View className="muted">提交于 {formatDateTime(wish.createdAt)}</View>
                <WishActions wish={wish} prompt={prompt} onChange={() => void queue.reload()} />
              </WishCard>
            ))}
            <ListFooter list={queue} />
          </>
        )}
      </Loaded>
      {prompt.dialog}
    </PageShell>
  );
}
