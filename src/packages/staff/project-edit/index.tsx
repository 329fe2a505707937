import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProjectView, RoundView } from '@core/contract';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';
import { useParams } from '../../../hooks/use-params';
import { go, redirect } from '../../../services/navigation';
import { ProjectDetailsFields, detailsSchema } from './details';
import { ManageProject } from './manage';

/** 立项: a final winner of `round` becomes a project; its budget starts at the proposal's estimate. */
function CreateProject({ round, proposalId }: { round: RoundView; proposalId: string }) {
  const winner = round.menu.find((m) => m.proposalId === proposalId);
  const form = useForm(detailsSchema, {
    organisation: '',
    description: winner?.description ?? '',
    budget: winner?.estimatedCost ?? undefined,
    photos: [],
  });
  const create = useAction('votes', 'createProject', { done: '已立项', onFail: form.showFailure });
  const submit = async () => {
    const created = await form.submit((details) => create.run({ ...details, roundId: round.id, proposalId }));
    if (created) redirect('staffProjectEdit', { id: created.id });
  };
  return (
    <>
      <Section title={`立项：${winner?.title ?? ''}`}>
        <View className="muted">来自「{round.title}」的入选提议</View>
      </Section>
      <ProjectDetailsFields form={form} />
      <View className="form-actions">
        <Button type="primary" block loading={create.busy} onClick={() => void submit()}>
          立项
        </Button>
      </View>
    </>
  );
}

/** Change a project, post its milestones and events, complete it. */
function EditProject({ project, onChange }: { project: ProjectView; onChange(p: ProjectView): void }) {
  // The form starts from the project as opened; milestones and events below follow every reload.
  const form = useForm(detailsSchema, {
    organisation: project.organisation,
    description: project.description,
    budget: project.budget,
    plannedStartAt: project.plannedStartAt,
    plannedEndAt: project.plannedEndAt,
    photos: project.photos,
  });
  const update = useAction('votes', 'updateProject', { done: '已保存', onFail: form.showFailure });
  const submit = async () => {
    const saved = await form.submit((details) => update.run({ ...details, projectId: project.id }));
    if (saved) onChange(saved);
  };
  return (
    <>
      <Section title={project.title}>
        <View className="muted">{project.phaseLabel}</View>
        <View className="actions">
          <Button size="small" fill="none" onClick={() => go('voteProject', { id: project.id })}>
            查看公示页
          </Button>
        </View>
      </Section>
      {project.mayManage ? (
        <>
          <ProjectDetailsFields form={form} />
          <View className="form-actions">
            <Button type="primary" block loading={update.busy} onClick={() => void submit()}>
              保存项目信息
            </Button>
          </View>
        </>
      ) : (
        <View className="muted center">项目已完成，不能再修改。</View>
      )}
      <ManageProject project={project} onChange={onChange} />
    </>
  );
}

export default function ProjectEdit() {
  const { id, roundId, proposalId } = useParams('staffProjectEdit');
  const project = useCall('votes', 'project', id ? { projectId: id } : null);
  const round = useCall('votes', 'round', !id && roundId ? { roundId } : null, { refreshOnShow: false });
  return (
    <PageShell>
      {id ? (
        <Loaded state={project} skeleton="form">
          {(p) => <EditProject project={p} onChange={project.setData} />}
        </Loaded>
      ) : (
        <Loaded state={round} skeleton="form">
          {(r) => <CreateProject round={r} proposalId={proposalId ?? ''} />}
        </Loaded>
      )}
    </PageShell>
  );
}
