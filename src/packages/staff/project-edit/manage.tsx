import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { ProjectView } from '@core/contract';
import { formatYuan } from '@core/domain/voting';
import { formatDay, formatSpan } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { go } from '../../../services/navigation';

/** Milestones (planned ones included), the project's events, and completing it. */
export function ManageProject({
  project: p,
  onChange,
}: {
  project: ProjectView;
  onChange(p: ProjectView): void;
}) {
  const complete = useAction('votes', 'completeProject', {
    confirm: {
      title: '项目完成',
      content: '完成后项目不能再修改，参与投票和活动的居民将收到评价邀请。',
      confirmText: '确认完成',
    },
    done: '项目已完成',
  });
  const finish = async () => {
    const done = await complete.run({ projectId: p.id });
    if (done) onChange(done);
  };
  return (
    <>
      <Section title={`进展节点（当前进度 ${p.progress}%）`} testId="staff-milestones">
        {p.milestones.map((m) => (
          <ListRow
            key={m.id}
            testId="staff-milestone"
            title={m.title}
            description={`${formatDay(m.date)} · 进度 ${m.progress}% · 支出 ${formatYuan(m.spent)}`}
            extra={m.planned ? <Tag type="warning">未到日期，居民不可见</Tag> : undefined}
            onClick={
              p.mayManage ? () => go('staffMilestoneEdit', { projectId: p.id, milestoneId: m.id }) : undefined
            }
          />
        ))}
        {p.mayManage && (
          <View className="actions">
            <Button type="primary" size="small" onClick={() => go('staffMilestoneEdit', { projectId: p.id })}>
              添加节点
            </Button>
          </View>
        )}
      </Section>
      <Section title="关联活动" testId="staff-project-events">
        {p.events.map((e) => (
          <ListRow
            key={e.id}
            title={e.title}
            description={formatSpan(e.startAt, e.endAt)}
            onClick={() => go('staffEventEdit', { id: e.id })}
          />
        ))}
        {p.events.length === 0 && (
          <View className="muted">发布「微实事项目」类活动并选择本项目，志愿服务时长会显示在项目上。</View>
        )}
        {p.mayManage && (
          <View className="actions">
            <Button size="small" onClick={() => go('staffEventEdit', { projectId: p.id })}>
              发布关联活动
            </Button>
          </View>
        )}
      </Section>
      {p.mayManage && (
        <View className="form-actions">
          <Button block loading={complete.busy} onClick={() => void finish()}>
            项目完成
          </Button>
        </View>
      )}
    </>
  );
}
