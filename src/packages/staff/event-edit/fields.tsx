import { contract, type EventView } from '@core/contract';
import { AUDIENCES, AUDIENCE_LABELS, EVENT_CATEGORIES, EVENT_CATEGORY_LABELS } from '@core/domain/events';
import { View } from '@tarojs/components';
import { DAY_MS, HOUR_MS, formatSpan, fromWallClock, toWallClock } from '@core/time';
import { ChoiceField } from '../../../components/form/choice-field';
import { DateTimeField } from '../../../components/form/date-time-field';
import { ImageField } from '../../../components/form/image-field';
import { NumberField } from '../../../components/form/number-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { Section } from '../../../components/section';
import type { Draft, Form } from '../../../hooks/use-form';
import { LeadersField } from './leaders';
import { ProjectField } from './project';

export const schema = contract.events.save.input;
export type EventForm = Form<typeof schema>;

export const BLANK: Draft<typeof schema> = {
  title: '',
  description: '',
  coverUrl: '',
  place: '',
  category: 'volunteer',
  audience: 'everyone',
  capacity: 20,
  pointsPerHour: 1,
  checkinMarginMinutes: 30,
  leaderIds: [],
};

/** An event as the form edits it. */
export function draftOf(e: EventView): Draft<typeof schema> {
  return {
    eventId: e.id,
    title: e.title,
    description: e.description,
    coverUrl: e.coverUrl,
    place: e.place,
    category: e.category,
    audience: e.audience,
    startAt: e.startAt,
    endAt: e.endAt,
    signupDeadline: e.signupDeadline,
    capacity: e.capacity,
    pointsPerHour: e.pointsPerHour,
    maxPoints: e.maxPoints,
    checkinMarginMinutes: e.checkinMarginMinutes,
    leaderIds: e.leaderIds,
    projectId: e.projectId ?? undefined,
  };
}

/** Tomorrow 09:00 in the community: where the start picker opens for a new event. */
function tomorrowMorning(): number {
  const t = toWallClock(Date.now() + DAY_MS);
  return fromWallClock({ ...t, hour: 9, minute: 0 });
}

export function EventFields({ form, timesFrozen }: { form: EventForm; timesFrozen: boolean }) {
  const start = form.values.startAt;
  return (
    <>
      <Section>
        <TextField label="活动名称" {...form.field('title')} />
        <TextField label="地点" {...form.field('place')} />
        {timesFrozen && start !== undefined && form.values.endAt !== undefined ? (
          <View className="muted" data-testid="times-frozen">
            {formatSpan(start, form.values.endAt)}（已有居民报名，时间不能再改；如需改期请取消后重新发布）
          </View>
        ) : (
          <>
            <DateTimeField label="开始时间" suggest={tomorrowMorning()} {...form.field('startAt')} />
            <DateTimeField label="结束时间" suggest={start && start + 3 * HOUR_MS} {...form.field('endAt')} />
            <DateTimeField
              label="报名截止"
              suggest={start && start - HOUR_MS}
              {...form.field('signupDeadline')}
            />
          </>
        )}
        <NumberField label="人数上限" {...form.field('capacity')} />
        <NumberField label="每小时积分" {...form.field('pointsPerHour')} />
        <NumberField label="积分上限" placeholder="默认按活动时长" {...form.field('maxPoints')} />
        <NumberField label="签到宽限(分)" {...form.field('checkinMarginMinutes')} />
        <TextAreaField label="活动介绍" {...form.field('description')} />
        <ImageField label="封面图" folder="events" {...form.field('coverUrl')} />
      </Section>
      <Section>
        <ChoiceField
          label="类别"
          options={EVENT_CATEGORIES}
          labels={EVENT_CATEGORY_LABELS}
          {...form.field('category')}
        />
        {form.values.category === 'project' && <ProjectField {...form.field('projectId')} />}
        <ChoiceField
          label="报名对象"
          options={AUDIENCES}
          labels={AUDIENCE_LABELS}
          {...form.field('audience')}
        />
        <LeadersField {...form.field('leaderIds')} />
      </Section>
    </>
  );
}
