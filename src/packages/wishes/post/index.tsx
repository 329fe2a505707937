import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { NewWishFields, contactOf, useWishForms } from '../../../components/wish-form';
import { useAction } from '../../../hooks/use-action';
import { useSession } from '../../../stores/session';

/** 发布心愿: what the resident wishes for, and how the member who claims it can reach them. */
export default function PostWish() {
  const user = useSession((s) => s.user);
  const forms = useWishForms(contactOf(user));
  // The profile arrives with the login: who the wish is for starts as the resident themselves.
  const { reset } = forms.contact;
  useEffect(() => reset(contactOf(user)), [user, reset]);
  const post = useAction('wishes', 'post', {
    done: '已提交，等待社区审核',
    onFail: forms.content.showFailure,
  });

  return (
    <PageShell>
      <NewWishFields forms={forms} />
      <View className="form-actions">
        <View className="agreement">
          心愿经社区审核后展示在心愿墙上；同时最多 3 个进行中的心愿。请勿填写身份证号等敏感信息。
        </View>
        <Button
          type="primary"
          block
          size="large"
          loading={post.busy}
          onClick={() => void forms.submit(post.run)}
        >
          提交心愿
        </Button>
      </View>
    </PageShell>
  );
}
