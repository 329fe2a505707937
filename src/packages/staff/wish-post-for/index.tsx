import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { UserView } from '@core/contract';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { NewWishFields, contactOf, useWishForms } from '../../../components/wish-form';
import { useAction } from '../../../hooks/use-action';
import { usePaged } from '../../../hooks/use-paged';
import { go } from '../../../services/navigation';

/**
 * 代发布: staff post a wish for an elderly neighbour without a smartphone whom the community
 * registered. The wish shows 社区代发布 and the audit trail records who acted for whom.
 */
export default function PostWishFor() {
  const residents = usePaged('user', 'listResidents', { managedOnly: true });
  const [resident, setResident] = useState<UserView | null>(null);
  const forms = useWishForms(contactOf(null));
  const postFor = useAction('wishes', 'postFor', {
    done: (w) => `已为${w.recipient}发布，待审核`,
    onFail: forms.content.showFailure,
  });

  const choose = (r: UserView) => {
    setResident(r);
    forms.contact.reset(contactOf(r));
  };
  const submit = async () => {
    if (resident) await forms.submit((wish) => postFor.run({ ...wish, userId: resident.id }));
  };

  return (
    <PageShell>
      <Loaded
        state={residents}
        skeleton="list"
        empty={{
          title: '还没有代管的居民',
          description: '先为没有智能手机的老人代为登记',
          action: { text: '去代老人登记', onClick: () => go('staffResidents') },
        }}
      >
        {(list) => (
          <Section title="为谁发布" testId="post-for-residents">
            {list.map((r) => (
              <ListRow
                key={r.id}
                testId="post-for-resident"
                title={r.displayName}
                description={[r.building, r.unit].filter(Boolean).join(' ')}
                onClick={() => choose(r)}
                extra={resident?.id === r.id ? <Tag type="primary">已选择</Tag> : '选择'}
              />
            ))}
            <ListFooter list={residents} />
          </Section>
        )}
      </Loaded>
      {resident && (
        <>
          <NewWishFields forms={forms} />
          <View className="form-actions">
            <Button type="primary" block size="large" loading={postFor.busy} onClick={() => void submit()}>
              代{resident.displayName}提交心愿
            </Button>
          </View>
        </>
      )}
    </PageShell>
  );
}
