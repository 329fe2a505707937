import { View } from '@tarojs/components';
import { Progress, Tag } from '@nutui/nutui-react-taro';
import type { ProjectSummary } from '@core/contract';
import { formatYuan } from '@core/domain/voting';
import { Section } from '../../../components/section';
import { go } from '../../../services/navigation';

/** A 微实事 project at a glance: phase, progress, money planned against spent, 满意度. */
export function ProjectCard({ project: p }: { project: ProjectSummary }) {
  return (
    <View className="tap" onClick={() => go('voteProject', { id: p.id })} data-testid="project">
      <Section
        title={p.title}
        extra={<Tag type={p.phase === 'completed' ? 'success' : 'primary'}>{p.phaseLabel}</Tag>}
      >
        <View className="muted">实施单位：{p.organisation}</View>
        <Progress percent={p.progress} showText />
        <View>
          预算 {formatYuan(p.budget)} · 已支出 {formatYuan(p.spent)}
        </View>
        {p.ratingCount > 0 && (
          <View className="muted">
            满意度 {p.ratingAverage} 分（{p.ratingCount} 人评价）
          </View>
        )}
      </Section>
    </View>
  );
}
