import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type WishView } from '@core/contract';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { usePrompt } from '../../../components/prompt-dialog';
import { WishContentFields, contentOf, wishContentSchema } from '../../../components/wish-form';
import { useAction } from '../../../hooks/use-action';
import { useCall } from '../../../hooks/use-call';
import { useForm } from '../../../hooks/use-form';
import { useParams } from '../../../hooks/use-params';
import { back } from '../../../services/navigation';

/** Staff correct a wish nobody has claimed yet; the server keeps what the poster first wrote. */
function WishEditor({ wish }: { wish: WishView }) {
  const form = useForm(wishContentSchema, contentOf(wish));
  const prompt = usePrompt();
  const edit = useAction('wishes', 'edit', { done: '已修改', onFail: form.showFailure });

  const submit = async () => {
    const content = form.validate();
    if (!content) return;
    // The note is the confirm step: the poster is told what was changed and why.
    const note = await prompt.ask({
      title: '修改说明',
      placeholder: '如：删去了门牌号，保护隐私。发布人会收到通知',
      confirmText: '保存修改',
      field: contract.wishes.edit.input.shape.note,
    });
    if (note === null) return;
    if (await edit.run({ wishId: wish.id, ...content, note })) setTimeout(back, 800);
  };

  return (
    <>
      {wish.original && <View className="section muted">已修改过；发布人原稿保留在心愿详情中。</View>}
      <WishContentFields form={form} />
      <View className="form-actions">
        <Button type="primary" block loading={edit.busy} onClick={() => void submit()}>
          保存修改
        </Button>
      </View>
      {prompt.dialog}
    </>
  );
}

export default function EditWish() {
  const { id = '' } = useParams('staffWishEdit');
  const wish = useCall('wishes', 'get', { wishId: id }, { refreshOnShow: false });
  return (
    <PageShell>
      <Loaded state={wish} skeleton="form">
        {(w) =>
          w.mayEdit ? (
            <WishEditor wish={w} />
          ) : (
            <View className="section muted">该心愿已被认领或已结束，不能修改</View>
          )
        }
      </Loaded>
    </PageShell>
  );
}
