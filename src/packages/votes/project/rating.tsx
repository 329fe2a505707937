import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type ProjectView } from '@core/contract';
import { RATING_LABELS } from '@core/domain/projects';
import { formatDateTime } from '@core/time';
import { TextAreaField } from '../../../components/form/text-area-field';
import { ListRow } from '../../../components/list-row';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { ScoreField, Stars } from './score-field';

function RateForm({ project, onRated }: { project: ProjectView; onRated(p: ProjectView): void }) {
  const form = useForm(contract.votes.rateProject.input, { projectId: project.id, comment: '' });
  const rate = useAction('votes', 'rateProject', {
    confirm: { title: '提交评价', content: '每人只能评价一次，提交后不能修改。', confirmText: '提交' },
    done: '感谢您的评价',
    onFail: form.showFailure,
  });
  const submit = async () => {
    const rated = await form.submit(rate.run);
    if (rated) onRated(rated);
  };
  return (
    <View data-testid="rate-form">
      <ScoreField label="满意度" {...form.field('score')} />
      <TextAreaField label="评价" placeholder="选填，说说项目做得怎么样" {...form.field('comment')} />
      <View className="form-actions">
        <Button type="primary" block loading={rate.busy} onClick={() => void submit()}>
          提交评价
        </Button>
      </View>
    </View>
  );
}

/** 满意度: the average and the count, recent comments without names, and the caller's one rating. */
export function Rating({ project: p, onRated }: { project: ProjectView; onRated(p: ProjectView): void }) {
  return (
    <Section title="满意度评价" testId="rating">
      <View data-testid="rating-summary">
        {p.ratingCount > 0 ? `平均 ${p.ratingAverage} 分 · ${p.ratingCount} 人评价` : '暂无评价'}
      </View>
      {p.myRating && (
        <View className="muted" data-testid="my-rating">
          我的评价：{p.myRating.score} 分（{RATING_LABELS[p.myRating.score]}）
          {p.myRating.comment ? ` · ${p.myRating.comment}` : ''}
        </View>
      )}
      {p.mayRate && <RateForm project={p} onRated={onRated} />}
      {!p.mayRate && !p.myRating && p.rateBlockedReason && (
        <View className="muted">{p.rateBlockedReason}</View>
      )}
      {p.ratingComments.map((c) => (
        <ListRow
          key={`${c.createdAt}-${c.comment}`}
          title={<Stars score={c.score} />}
          description={formatDateTime(c.createdAt)}
        >
          <View>{c.comment}</View>
        </ListRow>
      ))}
    </Section>
  );
}
