import { View } from '@tarojs/components';
import { Button, Progress, Tag } from '@nutui/nutui-react-taro';
import type { ProjectView } from '@core/contract';
import { EVENT_CATEGORY_LABELS, formatHours } from '@core/domain/events';
import { formatYuan } from '@core/domain/voting';
import { formatDay, formatSpan } from '@core/time';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';
import { useParams } from '../../../hooks/use-params';
import { go } from '../../../services/navigation';
import { Photos } from '../shared/photos';
import { sharePercent } from '../../../components/bar-chart/share';
import { Rating } from './rating';
import { Timeline } from './timeline';
import '../shared/index.scss';

/** Money planned against spent, from the milestones residents can see. */
function Money({ p }: { p: ProjectView }) {
  return (
    <Section title="资金公示" testId="money">
      <View>
        预算 {formatYuan(p.budget)} · 已支出 {formatYuan(p.spent)}
      </View>
      <View className="votes-turnout__bar">
        <View className="votes-turnout__online" style={{ width: `${sharePercent(p.spent, p.budget)}%` }} />
      </View>
      <View className="muted">按已公示的进展节点统计</View>
    </Section>
  );
}

/** The project's 微实事项目 events and the volunteer time they recorded. */
function Events({ p }: { p: ProjectView }) {
  return (
    <Section title="志愿服务" testId="project-events">
      <View data-testid="volunteer-hours">
        {p.volunteerCount} 位志愿者累计服务 {formatHours(p.volunteerMinutes)}
      </View>
      {p.events.map((e) => (
        <ListRow
          key={e.id}
          testId="project-event"
          title={e.title}
          description={`${EVENT_CATEGORY_LABELS[e.category]} · ${formatSpan(e.startAt, e.endAt)}`}
          onClick={() => go('eventDetail', { id: e.id })}
        />
      ))}
    </Section>
  );
}

/** A 微实事 project's 公示: what, who does it, the timeline, progress, money, helpers and 满意度. */
export default function ProjectPage() {
  const { id = '' } = useParams('voteProject');
  const project = useCall('votes', 'project', { projectId: id });
  return (
    <PageShell>
      <Loaded state={project} skeleton="detail">
        {(p) => (
          <>
            <Section
              title={p.title}
              extra={<Tag type={p.phase === 'completed' ? 'success' : 'primary'}>{p.phaseLabel}</Tag>}
              testId="project-header"
            >
              <View>实施单位：{p.organisation}</View>
              <View>
                计划：{formatDay(p.plannedStartAt)} 至 {formatDay(p.plannedEndAt)}
              </View>
              {p.completedAt !== null && <View>完成：{formatDay(p.completedAt)}</View>}
              {p.description && <View className="muted">{p.description}</View>}
              <Photos photos={p.photos} />
            </Section>
            <Section title={`进度 ${p.progress}%`} testId="progress">
              <Progress percent={p.progress} showText={false} />
            </Section>
            <Money p={p} />
            <Timeline milestones={p.milestones} />
            {(p.events.length > 0 || p.volunteerMinutes > 0) && <Events p={p} />}
            <Rating project={p} onRated={project.setData} />
            <View className="votes-links">
              <Button onClick={() => go('voteRound', { id: p.roundId })}>查看投票结果</Button>
              {p.mayManage && (
                <Button type="primary" onClick={() => go('staffProjectEdit', { id: p.id })}>
                  管理项目
                </Button>
              )}
            </View>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
