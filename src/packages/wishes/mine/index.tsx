import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { WishCard } from '../../../components/wish-card';
import { useCall } from '../../../hooks/use-call';
import { go } from '../../../services/navigation';

/** 我的心愿: what the resident posted (or staff posted for neighbours), newest first. */
export default function MyWishes() {
  const wishes = useCall('wishes', 'mine', {});
  return (
    <PageShell>
      <Loaded
        state={wishes}
        skeleton="cards"
        empty={{
          title: '还没有发布过心愿',
          description: '有什么小小的需要，可以说给邻里听',
          action: { text: '发布心愿', onClick: () => go('wishPost') },
        }}
      >
        {(list) =>
          list.map((wish) => (
            <WishCard key={wish.id} wish={wish} onOpen={(w) => go('wishDetail', { id: w.id })} />
          ))
        }
      </Loaded>
    </PageShell>
  );
}
