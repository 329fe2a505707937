import { View } from '@tarojs/components';
import type { EventView } from '@core/contract';
import { EventCard } from '../../../components/event-card';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';

interface Act {
  label: string;
  description: string;
  /** Offered when the server says the viewer may (its flags) and the event is at that stage. */
  offered(event: EventView): boolean;
  open(event: EventView): void;
}

const ACTS: Act[] = [
  {
    label: '编辑',
    description: '时间、地点、名额、负责人；发布或取消',
    offered: (e) => e.mayEdit,
    open: (e) => go('staffEventEdit', { id: e.id }),
  },
  {
    label: '参与者与时长',
    description: '签到情况、代老人报名、确认时长并发放积分',
    offered: (e) => e.mayRun,
    open: (e) => go('leaderParticipants', { id: e.id }),
  },
  {
    label: '签到码',
    description: '请志愿者扫码签到、签退',
    offered: (e) => e.mayRun && (e.phase === 'upcoming' || e.phase === 'ongoing'),
    open: (e) => go('leaderCode', { id: e.id }),
  },
  {
    label: '导出名单',
    description: '签到名单，保存为表格或打印',
    offered: (e) => e.mayRun && e.status !== 'draft',
    open: (e) => go('staffExports', { eventId: e.id }),
  },
];

/** One event, everything staff or its leaders do with it on one page. */
export default function EventHub() {
  const { id = '' } = useParams('staffEventHub');
  const event = useCall('events', 'get', { eventId: id });
  return (
    <PageShell>
      <Loaded state={event} skeleton="detail">
        {(e) => (
          <>
            <EventCard event={e} onOpen={() => go('eventDetail', { id: e.id })} />
            <Section>
              {ACTS.filter((act) => act.offered(e)).map((act) => (
                <ListRow
                  key={act.label}
                  testId="event-act"
                  title={act.label}
                  description={act.description}
                  onClick={() => act.open(e)}
                />
              ))}
              {!e.mayRun && <View className="muted">只有社区工作人员和活动负责人可以管理此活动</View>}
            </Section>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
