import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type ProjectView } from '@core/contract';
import { DAY_MS } from '@core/time';
import { DateTimeField } from '../../../components/form/date-time-field';
import { NumberField } from '../../../components/form/number-field';
import { PhotosField } from '../../../components/form/photos-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm, type Draft } from '../../../hooks/use-form';
import { useParams } from '../../../hooks/use-params';
import { back } from '../../../services/navigation';

const schema = contract.votes.saveMilestone.input;

function MilestoneEditor({ project, milestoneId }: { project: ProjectView; milestoneId?: string }) {
  const existing = project.milestones.find((m) => m.id === milestoneId);
  const initial: Draft<typeof schema> = existing
    ? {
        projectId: project.id,
        milestoneId: existing.id,
        title: existing.title,
        note: existing.note,
        date: existing.date,
        progress: existing.progress,
        spent: existing.spent,
        photos: existing.photos,
      }
    : { projectId: project.id, title: '', note: '', progress: project.progress, photos: [] };
  const form = useForm(schema, initial);
  const save = useAction('votes', 'saveMilestone', { done: '已保存', onFail: form.showFailure });
  const submit = async () => {
    if (await form.submit(save.run)) setTimeout(back, 800);
  };
  return (
    <>
      <Section title={project.title}>
        <TextField label="节点名称" placeholder="如：材料采购、雨棚安装" {...form.field('title')} />
        {/* A step already done is recorded too: the picker reaches back before the planned start. */}
        <DateTimeField
          label="日期"
          suggest={Date.now()}
          from={Math.min(project.plannedStartAt, Date.now()) - 90 * DAY_MS}
          {...form.field('date')}
        />
        <NumberField label="进度(%)" {...form.field('progress')} />
        <NumberField label="本步支出(元)" placeholder="选填" {...form.field('spent')} />
        <TextAreaField label="说明" {...form.field('note')} />
        <PhotosField label="现场照片" folder="projects" {...form.field('photos')} />
      </Section>
      <View className="muted" style={{ margin: '0 24px' }}>
        日期未到的节点居民暂时看不到，到期后自动公示。
      </View>
      <View className="form-actions">
        <Button type="primary" block loading={save.busy} onClick={() => void submit()}>
          保存节点
        </Button>
      </View>
    </>
  );
}

/** Add or edit a milestone of a project: its date, progress, money spent and photos. */
export default function MilestoneEdit() {
  const { projectId = '', milestoneId } = useParams('staffMilestoneEdit');
  const project = useCall('votes', 'project', { projectId }, { refreshOnShow: false });
  return (
    <PageShell>
      <Loaded state={project} skeleton="form">
        {(p) => <MilestoneEditor project={p} milestoneId={milestoneId} />}
      </Loaded>
    </PageShell>
  );
}
