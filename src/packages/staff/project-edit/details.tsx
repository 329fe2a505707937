import { contract } from '@core/contract';
import { DAY_MS } from '@core/time';
import { DateTimeField } from '../../../components/form/date-time-field';
import { NumberField } from '../../../components/form/number-field';
import { PhotosField } from '../../../components/form/photos-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { Section } from '../../../components/section';
import type { Form } from '../../../hooks/use-form';

/** What a project is, the same for creating one from a winner and for changing it later. */
export const detailsSchema = contract.votes.updateProject.input.omit({ projectId: true });
export type DetailsForm = Form<typeof detailsSchema>;

export function ProjectDetailsFields({ form }: { form: DetailsForm }) {
  const start = form.values.plannedStartAt;
  return (
    <Section>
      <TextField label="实施单位" placeholder="社会组织或共建单位" {...form.field('organisation')} />
      <NumberField label="项目预算(元)" {...form.field('budget')} />
      <DateTimeField label="计划开始" {...form.field('plannedStartAt')} />
      <DateTimeField
        label="计划完成"
        suggest={start && start + 30 * DAY_MS}
        {...form.field('plannedEndAt')}
      />
      <TextAreaField label="项目说明" {...form.field('description')} />
      <PhotosField label="项目照片" folder="projects" {...form.field('photos')} />
    </Section>
  );
}
