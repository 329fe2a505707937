import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EVENT_PHASE_LABELS } from '@core/domain/events';
import { EventCard } from '../../../components/event-card';
import { ListFooter } from '../../../components/list-footer';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/** 活动管理: every event, drafts included, latest first. */
export default function ManageEvents() {
  const events = usePaged('events', 'allEvents', {});
  const create = () => go('staffEventEdit', {});
  return (
    <PageShell>
      <View className="form-actions">
        <Button type="primary" block onClick={create}>
          发布新活动
        </Button>
      </View>
      <Loaded
        state={events}
        skeleton="cards"
        empty={{ title: '还没有活动', action: { text: '发布新活动', onClick: create } }}
      >
        {(list) => (
          <>
            {list.map((event) => (
              <View key={event.id}>
                <View className="muted" style={{ margin: '0 24px' }}>
                  {EVENT_PHASE_LABELS[event.phase]}
                </View>
                <EventCard event={event} onOpen={(e) => go('staffEventEdit', { id: e.id })} />
              </View>
            ))}
            <ListFooter list={events} />
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
