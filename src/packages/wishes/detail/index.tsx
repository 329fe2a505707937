import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { ReportAction } from '../../../components/report-action';
import { RestoreAction } from '../../../components/restore-action';
import { WishActions } from '../../../components/wish-actions';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';
import { hasRole, useSession } from '../../../stores/session';
import { ImageChecks } from './image-checks';
import { WishContact, WishOriginal, WishProgress, WishStory } from './sections';
import './index.scss';

/** One wish: its story, where it stands, and what the caller may do about it. */
export default function WishDetail() {
  const { id = '' } = useParams('wishDetail');
  const wish = useCall('wishes', 'get', { wishId: id });
  const prompt = usePrompt();
  const user = useSession((s) => s.user);

  return (
    <PageShell>
      <Loaded state={wish} skeleton="detail">
        {(w) => (
          <>
            <WishStory wish={w} />
            <WishContact wish={w} />
            {w.status !== 'pending' && w.status !== 'rejected' && <WishProgress wish={w} />}
            <WishOriginal wish={w} />
            {hasRole(user, 'staff') && w.photos.length > 0 && <ImageChecks wish={w} />}
            <WishActions wish={w} prompt={prompt} onChange={wish.setData} />
            {w.claimBlockedReason && (w.status === 'open' || w.status === 'claimed') && (
              <View className="form-actions muted center" data-testid="claim-blocked">
                {w.claimBlockedReason}
                {!hasRole(user, 'party_member') && (
                  <Button size="small" fill="none" onClick={() => go('party')}>
                    了解双报到
                  </Button>
                )}
              </View>
            )}
            <ReportAction kind="wish" id={w.id} mayReport={w.mayReport} />
            <RestoreAction
              kind="wish"
              id={w.id}
              mayRestore={w.mayRestore}
              onRestored={() => void wish.reload()}
            />
          </>
        )}
      </Loaded>
      {prompt.dialog}
    </PageShell>
  );
}
