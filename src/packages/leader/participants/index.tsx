import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ParticipantView, UserId } from '@core/contract';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { ParticipantRow } from '../../../components/participant-row';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { CardCheckIn, useLeaderCheck } from './check-in';
import { HoursEdit, type Edit } from './hours';
import { SignUpManaged } from './sign-up-for';

/** Hours are still open for a confirmed participant until someone confirms them. */
const hoursOpen = (p: ParticipantView) => p.status === 'confirmed' && p.confirmedMinutes === null;

/** The leader's list: who came, check-ins by card or in person, and hours to confirm. */
export default function Participants() {
  const { id: eventId = '' } = useParams('leaderParticipants');
  const event = useCall('events', 'get', { eventId });
  const people = useCall('events', 'participants', { eventId });
  const leaderCheck = useLeaderCheck(eventId, people.reload);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const prompt = usePrompt();
  const confirm = useAction('events', 'confirmHours', {
    confirm: { title: '确认时长', content: '确认后按时长发放积分，不能再修改。', confirmText: '确认发放' },
    done: '时长已确认，积分已发放',
  });

  const confirmAll = async () => {
    const adjustments = Object.entries(edits).map(([userId, e]) => ({ userId: userId as UserId, ...e }));
    const confirmed = await confirm.run({ eventId, adjustments });
    if (!confirmed) return;
    people.setData(confirmed);
    setEdits({});
  };
  const edit = (userId: string, next: Edit | undefined) =>
    setEdits(({ [userId]: _old, ...rest }) => (next ? { ...rest, [userId]: next } : rest));

  // The server's phase, not this phone's clock, decides when hours can be confirmed.
  const ended = event.data?.phase === 'ended';
  return (
    <PageShell>
      {event.data && <Section title={event.data.title} />}
      {event.data && !ended && <CardCheckIn leaderCheck={leaderCheck} />}
      <Loaded state={people} skeleton="list" empty={{ title: '还没有人报名' }}>
        {(list) => (
          <Section>
            {list.map((p) => (
              <ParticipantRow key={p.userId} participant={p}>
                {!ended && p.managed && p.status === 'confirmed' && (
                  <View className="actions">
                    <Button size="small" onClick={() => void leaderCheck.run('in', { userId: p.userId })}>
                      代为签到
                    </Button>
                    <Button size="small" onClick={() => void leaderCheck.run('out', { userId: p.userId })}>
                      代为签退
                    </Button>
                  </View>
                )}
                {ended && hoursOpen(p) && (
                  <HoursEdit
                    participant={p}
                    edit={edits[p.userId]}
                    prompt={prompt}
                    onEdit={(next) => edit(p.userId, next)}
                  />
                )}
              </ParticipantRow>
            ))}
            {ended && list.some(hoursOpen) && (
              <View className="form-actions">
                <Button
                  type="primary"
                  block
                  size="large"
                  loading={confirm.busy}
                  onClick={() => void confirmAll()}
                >
                  全部确认时长并发放积分
                </Button>
              </View>
            )}
          </Section>
        )}
      </Loaded>
      {event.data?.maySignUpFor && (
        <SignUpManaged eventId={eventId} signedUp={people.data ?? []} onDone={people.reload} />
      )}
      {prompt.dialog}
    </PageShell>
  );
}
