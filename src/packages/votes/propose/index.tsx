import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS } from '@core/domain/voting';
import { ChoiceField } from '../../../components/form/choice-field';
import { NumberField } from '../../../components/form/number-field';
import { PhotosField } from '../../../components/form/photos-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { useAction } from '../../../hooks/use-action';
import { useForm, type Draft } from '../../../hooks/use-form';
import { redirect } from '../../../services/navigation';
import '../shared/index.scss';

// The request id is the hook's (one per intent), so a retried tap makes one proposal.
const schema = contract.votes.propose.input.omit({ requestId: true });
const BLANK: Draft<typeof schema> = {
  title: '',
  description: '',
  category: 'environment',
  location: '',
  photos: [],
};

/** 提需求: a need of the community, which staff screen before neighbours can 附议 it. */
export default function Propose() {
  const form = useForm(schema, BLANK);
  const propose = useAction('votes', 'propose', {
    done: '已提交，等待社区审核',
    onFail: form.showFailure,
  });
  const submit = async () => {
    const proposal = await form.submit(propose.run);
    if (proposal) redirect('voteProposal', { id: proposal.id });
  };
  return (
    <PageShell>
      <Section>
        <TextField label="标题" placeholder="一句话说清要办的事" {...form.field('title')} />
        <TextAreaField
          label="需求描述"
          placeholder="现在有什么问题、希望怎么改、谁会受益"
          {...form.field('description')}
        />
        <ChoiceField
          label="类别"
          options={PROPOSAL_CATEGORIES}
          labels={PROPOSAL_CATEGORY_LABELS}
          {...form.field('category')}
        />
        <NumberField label="估算费用(元)" placeholder="选填，不清楚可不填" {...form.field('estimatedCost')} />
        <TextField label="地点" placeholder="选填，如：东门广场" {...form.field('location')} />
        <PhotosField label="现场照片" folder="proposals" {...form.field('photos')} />
      </Section>
      <View className="votes-note">提交后由社区工作人员审核，通过后进入需求清单，邻居们可以附议。</View>
      <View className="form-actions">
        <Button type="primary" block loading={propose.busy} onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </PageShell>
  );
}
