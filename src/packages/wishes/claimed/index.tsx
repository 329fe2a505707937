import { View } from '@tarojs/components';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { WishCard } from '../../../components/wish-card';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/** 我认领的: a party member's claims, live and ended (and why), newest first. */
export default function ClaimedWishes() {
  const claims = usePaged('wishes', 'claimed', {});
  return (
    <PageShell>
      <Loaded
        state={claims}
        skeleton="cards"
        empty={{
          title: '还没有认领心愿',
          description: '到心愿墙看看，帮邻居圆一个小心愿',
          action: { text: '去心愿墙', onClick: () => go('wishWall') },
        }}
      >
        {(list) => (
          <>
            {list.map(({ claim, wish }) => (
              <WishCard key={claim.id} wish={wish} onOpen={(w) => go('wishDetail', { id: w.id })}>
                <View className="muted" data-testid="claim-status">
                  我的认领：{claim.statusLabel} · {formatDateTime(claim.claimedAt)}
                  {claim.reason ? `（${claim.reason}）` : ''}
                </View>
              </WishCard>
            ))}
            <ListFooter list={claims} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
