import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Checkbox, Radio } from '@nutui/nutui-react-taro';
import type { EventView, UserView } from '@core/contract';
import {
  AUDIENCES,
  AUDIENCE_LABELS,
  EVENT_CATEGORIES,
  EVENT_CATEGORY_LABELS,
  type Audience,
  type EventCategory,
} from '@core/domain/events';
import { formatDateTime, parseDateTime } from '@core/time';
import { useForm } from '../../../hooks/use-form';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { call } from '../../../services/cloud';
import { showDone, showError } from '../../../services/feedback';

const BLANK = {
  title: '',
  description: '',
  place: '',
  start: '',
  end: '',
  deadline: '',
  capacity: '20',
  pointsPerHour: '1',
  maxPoints: '',
  margin: '30',
};

export default function EditEvent() {
  const { params } = useRouter();
  const [event, setEvent] = useState<EventView | null>(null);
  const { form, setForm, field } = useForm(BLANK);
  const [category, setCategory] = useState<EventCategory>('volunteer');
  const [audience, setAudience] = useState<Audience>('everyone');
  const [leaders, setLeaders] = useState<UserView['id'][]>([]);
  const [candidates, setCandidates] = useState<UserView[]>([]);

  useEffect(() => {
    void call('user', 'listResidents', {}).then(
      (res) =>
        res.ok &&
        setCandidates(res.data.filter((u) => u.roles.includes('staff') || u.roles.includes('volunteer'))),
    );
    if (!params.id) return;
    void call('events', 'get', { eventId: params.id }).then((res) => {
      if (!res.ok) return showError(res);
      const e = res.data;
      setEvent(e);
      setCategory(e.category);
      setAudience(e.audience);
      setLeaders(e.leaderIds as UserView['id'][]);
      setForm({
        title: e.title,
        description: e.description,
        place: e.place,
        start: formatDateTime(e.startAt),
        end: formatDateTime(e.endAt),
        deadline: formatDateTime(e.signupDeadline),
        capacity: String(e.capacity),
        pointsPerHour: String(e.pointsPerHour),
        maxPoints: String(e.maxPoints),
        margin: String(e.checkinMarginMinutes),
      });
    });
  }, [params.id, setForm]);

  const save = async (): Promise<EventView | null> => {
    const [startAt, endAt, signupDeadline] = [form.start, form.end, form.deadline].map(parseDateTime);
    if (startAt === null || endAt === null || signupDeadline === null) {
      showError({ message: '时间格式应为 2026-11-28 09:00' });
      return null;
    }
    const res = await call('events', 'save', {
      eventId: event?.id,
      title: form.title,
      description: form.description,
      place: form.place,
      category,
      audience,
      startAt,
      endAt,
      signupDeadline,
      capacity: Number(form.capacity),
      pointsPerHour: Number(form.pointsPerHour),
      maxPoints: form.maxPoints ? Number(form.maxPoints) : undefined,
      checkinMarginMinutes: Number(form.margin),
      leaderIds: leaders,
    });
    if (!res.ok) {
      showError(res);
      return null;
    }
    setEvent(res.data);
    return res.data;
  };

  const saveAndPublish = async () => {
    const saved = await save();
    if (!saved) return;
    if (saved.status === 'draft') {
      const res = await call('events', 'publish', { eventId: saved.id });
      if (!res.ok) return showError(res);
      setEvent(res.data);
    }
    showDone('已发布');
  };

  const cancelEvent = async () => {
    if (!event) return;
    const { confirm, content } = (await Taro.showModal({
      title: '取消活动',
      editable: true,
      placeholderText: '请填写取消原因，将通知所有报名者',
    } as Taro.showModal.Option)) as { confirm: boolean; content?: string };
    if (!confirm) return;
    const res = await call('events', 'cancel', { eventId: event.id, reason: content ?? '' });
    if (!res.ok) return showError(res);
    setEvent(res.data);
    showDone('已取消并通知报名者');
  };

  return (
    <PageShell>
      <View className="section">
        <TextField
          name="title"
          label="活动名称"
          value={form.title}
          onChange={field('title')}
          maxLength={40}
        />
        <TextField name="place" label="地点" value={form.place} onChange={field('place')} maxLength={60} />
        <TextField
          name="start"
          label="开始时间"
          value={form.start}
          onChange={field('start')}
          placeholder="2026-11-28 09:00"
          maxLength={16}
        />
        <TextField
          name="end"
          label="结束时间"
          value={form.end}
          onChange={field('end')}
          placeholder="2026-11-28 12:00"
          maxLength={16}
        />
        <TextField
          name="deadline"
          label="报名截止"
          value={form.deadline}
          onChange={field('deadline')}
          placeholder="2026-11-27 20:00"
          maxLength={16}
        />
        <TextField
          name="capacity"
          label="人数上限"
          type="number"
          value={form.capacity}
          onChange={field('capacity')}
          maxLength={5}
        />
        <TextField
          name="pointsPerHour"
          label="每小时积分"
          type="number"
          value={form.pointsPerHour}
          onChange={field('pointsPerHour')}
          maxLength={3}
        />
        <TextField
          name="maxPoints"
          label="积分上限"
          type="number"
          value={form.maxPoints}
          onChange={field('maxPoints')}
          placeholder="默认按活动时长"
          maxLength={5}
        />
        <TextField
          name="margin"
          label="签到宽限(分)"
          type="number"
          value={form.margin}
          onChange={field('margin')}
          maxLength={3}
        />
        <TextField
          name="description"
          label="活动介绍"
          value={form.description}
          onChange={field('description')}
          placeholder="选填"
          maxLength={1000}
        />
      </View>
      <View className="section">
        <View className="section__title">类别</View>
        <Radio.Group
          value={category}
          onChange={(v) => setCategory(v as EventCategory)}
          direction="horizontal"
        >
          {EVENT_CATEGORIES.map((c) => (
            <Radio key={c} value={c}>
              {EVENT_CATEGORY_LABELS[c]}
            </Radio>
          ))}
        </Radio.Group>
        <View className="section__title">报名对象</View>
        <Radio.Group value={audience} onChange={(v) => setAudience(v as Audience)} direction="horizontal">
          {AUDIENCES.map((a) => (
            <Radio key={a} value={a}>
              {AUDIENCE_LABELS[a]}
            </Radio>
          ))}
        </Radio.Group>
        <View className="section__title">负责人（负责签到）</View>
        {candidates.map((c) => (
          <Checkbox
            key={c.id}
            checked={leaders.includes(c.id)}
            onChange={(on) => setLeaders((all) => (on ? [...all, c.id] : all.filter((id) => id !== c.id)))}
            label={c.realName || c.nickname}
          />
        ))}
      </View>
      <View className="form-actions actions">
        <Button onClick={() => void save().then((e) => e && showDone('已保存'))}>保存草稿</Button>
        <Button type="primary" onClick={() => void saveAndPublish()}>
          {event?.status === 'published' ? '保存' : '发布'}
        </Button>
        {event && event.status !== 'cancelled' && (
          <Button onClick={() => void cancelEvent()}>取消活动</Button>
        )}
      </View>
    </PageShell>
  );
}
