import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type WishView } from '@core/contract';
import { PhotosField } from '../form/photos-field';
import { TextAreaField } from '../form/text-area-field';
import { Section } from '../section';
import { useAction } from '../../hooks/use-action';
import { useForm } from '../../hooks/use-form';

interface Props {
  wish: WishView;
  onDone(wish: WishView): void;
  onCancel(): void;
}

/** 标记完成: what the member did and at least one photo of it, for the recipient to confirm. */
export function FulfilForm({ wish, onDone, onCancel }: Props) {
  const form = useForm(contract.wishes.fulfil.input, { wishId: wish.id, note: '', photos: [] });
  const fulfil = useAction('wishes', 'fulfil', {
    confirm: {
      title: '提交完成情况',
      content: '提交后等待心愿人确认收到，确认后您将获得积分。确定提交吗？',
      confirmText: '提交',
    },
    done: '已提交，等待确认',
    onFail: form.showFailure,
  });
  const submit = async () => {
    const done = await form.submit(fulfil.run);
    if (done) onDone(done);
  };
  return (
    <Section title="提交完成情况" testId="fulfil-form">
      <TextAreaField label="完成情况" placeholder="如：已上门修好台灯" {...form.field('note')} />
      <PhotosField
        label="完成照片"
        folder="wishes"
        hint="至少一张，请勿拍到他人面部或门牌"
        {...form.field('photos')}
      />
      <View className="actions">
        <Button type="primary" loading={fulfil.busy} onClick={() => void submit()}>
          提交
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </View>
    </Section>
  );
}
