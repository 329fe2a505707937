import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type ParticipantView, type UserId } from '@core/contract';
import { CodeInput } from '../../../components/code-input';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { ParticipantRow } from '../../../components/participant-row';
import { usePrompt } from '../../../components/prompt-dialog';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';
import { useParams } from '../../../hooks/use-params';
import { hasRole, useSession } from '../../../stores/session';
import { HoursEdit, type Edit } from './hours';

type Purpose = 'in' | 'out';

/** The leader's list: who came, check-ins by card or in person, and hours to confirm. */
export default function Participants() {
  const { id: eventId = '' } = useParams('leaderParticipants');
  const isStaff = hasRole(
    useSession((s) => s.user),
    'staff',
  );
  const event = useCall('events', 'get', { eventId });
  const people = useCall('events', 'participants', { eventId });
  const managed = usePaged('user', 'listResidents', isStaff ? { managedOnly: true } : null);
  const card = useForm(contract.events.leaderCheck.input, { cardCode: '' });
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const prompt = usePrompt();
  const check = useAction('events', 'leaderCheck', {
    done: (p) => `${p.name} 已${p.checkOutAt ? '签退' : '签到'}`,
  });
  const signUpFor = useAction('events', 'signUpFor', { done: (p) => `已为${p.name}报名` });
  const confirm = useAction('events', 'confirmHours', {
    confirm: { title: '确认时长', content: '确认后按时长发放积分，不能再修改。', confirmText: '确认发放' },
    done: '时长已确认，积分已发放',
  });

  const leaderCheck = async (purpose: Purpose, target: { cardCode?: string; userId?: UserId }) => {
    if (!(await check.run({ eventId, purpose, ...target }))) return;
    if (target.cardCode) card.reset({ cardCode: '' });
    await people.reload();
  };
  const confirmAll = async () => {
    const adjustments = Object.entries(edits).map(([userId, e]) => ({ userId: userId as UserId, ...e }));
    const confirmed = await confirm.run({ eventId, adjustments });
    if (!confirmed) return;
    people.setData(confirmed);
    setEdits({});
  };

  // The server's phase, not this phone's clock, decides when hours can be confirmed.
  const ended = event.data?.phase === 'ended';
  const open = (p: ParticipantView) => p.status === 'confirmed' && p.confirmedMinutes === null;
  return (
    <PageShell>
      {event.data && <Section title={event.data.title} />}
      {event.data && !ended && (
        <Section title="扫志愿者证签到">
          <CodeInput
            {...card.field('cardCode')}
            label="志愿者证"
            placeholder="粘贴志愿者证内容"
            busy={check.busy}
            actions={(['in', 'out'] as const).map((purpose) => ({
              text: purpose === 'in' ? '签到' : '签退',
              scanText: purpose === 'in' ? '扫码签到' : '扫码签退',
              run: (cardCode: string) => leaderCheck(purpose, { cardCode }),
            }))}
          />
        </Section>
      )}
      <Loaded state={people} skeleton="list" empty={{ title: '还没有人报名' }}>
        {(list) => (
          <Section>
            {list.map((p) => (
              <ParticipantRow key={p.userId} participant={p}>
                {!ended && p.managed && p.status === 'confirmed' && (
                  <View className="actions">
                    <Button size="small" onClick={() => void leaderCheck('in', { userId: p.userId })}>
                      代为签到
                    </Button>
                    <Button size="small" onClick={() => void leaderCheck('out', { userId: p.userId })}>
                      代为签退
                    </Button>
                  </View>
                )}
                {ended && open(p) && (
                  <HoursEdit
                    participant={p}
                    edit={edits[p.userId]}
                    prompt={prompt}
                    onEdit={(edit) =>
                      setEdits(({ [p.userId]: _old, ...rest }) =>
                        edit ? { ...rest, [p.userId]: edit } : rest,
                      )
                    }
                  />
                )}
              </ParticipantRow>
            ))}
            {ended && list.some(open) && (
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
      {isStaff && !ended && (
        <Section title="代老人报名">
          {managed.data
            ?.filter((m) => !people.data?.some((p) => p.userId === m.id))
            .map((m) => (
              <ListRow
                key={m.id}
                title={m.displayName}
                extra={
                  <Button
                    size="small"
                    onClick={() => void signUpFor.run({ eventId, userId: m.id }).then(() => people.reload())}
                  >
                    报名
                  </Button>
                }
              />
            ))}
          <ListFooter list={managed} />
        </Section>
      )}
      {prompt.dialog}
    </PageShell>
  );
}
