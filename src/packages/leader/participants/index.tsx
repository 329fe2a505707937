import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { EventView, ParticipantView, UserView } from '@core/contract';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';
import { canScan, scanQr } from '../../../services/scan';
import { hasRole, useSession } from '../../../stores/session';

type Edit = { minutes: string; reason: string };

/** The leader's list: who came, check-ins by card or in person, and hours to confirm. */
export default function Participants() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const isStaff = hasRole(
    useSession((s) => s.user),
    'staff',
  );
  const [event, setEvent] = useState<EventView | null>(null);
  const [people, setPeople] = useState<ParticipantView[]>([]);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [card, setCard] = useState('');
  const [managed, setManaged] = useState<UserView[]>([]);

  const load = useCallback(async () => {
    const [e, p] = await Promise.all([
      call('events', 'get', { eventId }),
      call('events', 'participants', { eventId }),
    ]);
    if (e.ok) setEvent(e.data);
    if (p.ok) setPeople(p.data);
    else showError(p);
  }, [eventId]);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (isStaff)
      void call('user', 'listResidents', { managedOnly: true }).then((r) => r.ok && setManaged(r.data));
  }, [isStaff]);

  const leaderCheck = async (
    purpose: 'in' | 'out',
    target: { cardCode?: string; userId?: ParticipantView['userId'] },
  ) => {
    const res = await call('events', 'leaderCheck', { eventId, purpose, ...target });
    if (!res.ok) return showError(res);
    showDone(`${res.data.name} ${purpose === 'in' ? '已签到' : '已签退'}`);
    setCard('');
    await load();
  };

  const scanCard = async (purpose: 'in' | 'out') => {
    const result = await scanQr();
    if (result) await leaderCheck(purpose, { cardCode: result });
  };

  const signUpFor = async (resident: UserView) => {
    const res = await call('events', 'signUpFor', { eventId, userId: resident.id });
    if (!res.ok) return showError(res);
    showDone(`已为${resident.realName}报名`);
    await load();
  };

  const confirmAll = async () => {
    const adjustments = people
      .filter((p) => edits[p.userId] && Number(edits[p.userId].minutes) !== p.proposedMinutes)
      .map((p) => ({
        userId: p.userId,
        minutes: Number(edits[p.userId].minutes),
        reason: edits[p.userId].reason,
      }));
    const res = await call('events', 'confirmHours', { eventId, adjustments });
    if (!res.ok) return showError(res);
    setPeople(res.data);
    setEdits({});
    showDone('时长已确认，积分已发放');
  };

  // The server's phase, not this phone's clock, decides when hours can be confirmed.
  const ended = event?.phase === 'ended';
  const edit = (userId: string, proposed: number, patch: Partial<Edit>) =>
    setEdits((all) => ({
      ...all,
      [userId]: { ...(all[userId] ?? { minutes: String(proposed), reason: '' }), ...patch },
    }));

  return (
    <PageShell>
      {event && <View className="section section__title">{event.title}</View>}
      {!ended && (
        <View className="section">
          <View className="section__title">扫志愿者证签到</View>
          {canScan ? (
            <View className="actions">
              <Button type="primary" onClick={() => void scanCard('in')}>
                扫码签到
              </Button>
              <Button onClick={() => void scanCard('out')}>扫码签退</Button>
            </View>
          ) : (
            <>
              <TextField
                name="cardCode"
                label="志愿者证"
                value={card}
                onChange={setCard}
                placeholder="粘贴志愿者证内容"
                maxLength={300}
              />
              <View className="actions">
                <Button
                  type="primary"
                  size="small"
                  onClick={() => void leaderCheck('in', { cardCode: card })}
                >
                  签到
                </Button>
                <Button size="small" onClick={() => void leaderCheck('out', { cardCode: card })}>
                  签退
                </Button>
              </View>
            </>
          )}
        </View>
      )}
      <View className="section">
        {people.map((p) => (
          <View key={p.userId} className="list-item" data-testid="participant">
            <View className="row">
              <View className="section__title">
                {p.name} {p.managed && <Tag type="warning">代管</Tag>}
              </View>
              <Tag type={p.status === 'confirmed' ? 'success' : 'warning'}>
                {p.status === 'confirmed' ? '已报名' : `候补${p.waitlistPosition}`}
              </Tag>
            </View>
            <View className="muted">
              签到 {p.checkInAt ? formatDateTime(p.checkInAt) : '—'} · 签退{' '}
              {p.checkOutAt ? formatDateTime(p.checkOutAt) : '—'}
              {p.actedBy ? ` · 由${p.actedBy}代报名` : ''}
            </View>
            {p.confirmedMinutes !== null ? (
              <View>
                已确认 {p.confirmedMinutes} 分钟 · {p.points} 积分
                {p.hoursReason ? `（${p.hoursReason}）` : ''}
              </View>
            ) : (
              p.status === 'confirmed' && <View className="muted">建议时长 {p.proposedMinutes} 分钟</View>
            )}
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
            {ended && p.status === 'confirmed' && p.confirmedMinutes === null && (
              <View>
                <TextField
                  name={`minutes-${p.userId}`}
                  label="时长(分)"
                  type="number"
                  value={edits[p.userId]?.minutes ?? String(p.proposedMinutes)}
                  onChange={(minutes) => edit(p.userId, p.proposedMinutes, { minutes })}
                  maxLength={4}
                />
                {edits[p.userId] && Number(edits[p.userId].minutes) !== p.proposedMinutes && (
                  <TextField
                    name={`reason-${p.userId}`}
                    label="修改原因"
                    value={edits[p.userId].reason}
                    onChange={(reason) => edit(p.userId, p.proposedMinutes, { reason })}
                    maxLength={100}
                  />
                )}
              </View>
            )}
          </View>
        ))}
      </View>
      {ended && people.some((p) => p.status === 'confirmed' && p.confirmedMinutes === null) && (
        <View className="form-actions">
          <Button type="primary" block size="large" onClick={() => void confirmAll()}>
            全部确认时长并发放积分
          </Button>
        </View>
      )}
      {isStaff && !ended && managed.length > 0 && (
        <View className="section">
          <View className="section__title">代老人报名</View>
          {managed
            .filter((m) => !people.some((p) => p.userId === m.id))
            .map((m) => (
              <View key={m.id} className="list-item row">
                <View>{m.realName}</View>
                <Button size="small" onClick={() => void signUpFor(m)}>
                  报名
                </Button>
              </View>
            ))}
        </View>
      )}
    </PageShell>
  );
}
