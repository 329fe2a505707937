import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ProjectView } from '@core/contract';
import { formatYuan } from '@core/domain/voting';
import { formatDay } from '@core/time';
import { Section } from '../../../components/section';
import { Photos } from '../shared/photos';

/** 进展公示: the milestones reached, by date (staff also see the planned ones, marked). */
export function Timeline({ milestones }: { milestones: ProjectView['milestones'] }) {
  return (
    <Section title="进展公示" testId="timeline">
      {milestones.length === 0 && <View className="muted">项目开始实施后，这里会公示每一步进展。</View>}
      {milestones.map((m) => (
        <View key={m.id} className="votes-step" data-testid="milestone">
          <View className="votes-step__dot" />
          <View className="votes-step__body">
            <View className="row">
              <View className="votes-step__title">{m.title}</View>
              {m.planned && <Tag type="warning">计划中 · 居民暂不可见</Tag>}
            </View>
            <View className="muted">
              {formatDay(m.date)} · 进度 {m.progress}%{m.spent > 0 ? ` · 支出 ${formatYuan(m.spent)}` : ''}
            </View>
            {m.note && <View>{m.note}</View>}
            <Photos photos={m.photos} />
          </View>
        </View>
      ))}
    </Section>
  );
}
