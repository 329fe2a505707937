import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';
import { call } from '../../../services/cloud';
import { openUrl } from '../../../services/navigation';

/**
 * 我的消息: what the community told the resident, newest first; a tap opens what it is about.
 * What the page has shown is marked read (up to the newest shown, so a message arriving
 * meanwhile stays unread); the ones new to this visit keep their 未读 mark while it lasts.
 */
export default function Messages() {
  const messages = usePaged('user', 'listOutbox', {});
  const newest = messages.data?.find((m) => !m.read)?.createdAt;
  useEffect(() => {
    const unread = messages.data?.filter((m) => !m.read) ?? [];
    if (unread.length === 0) return;
    void call('user', 'markMessagesRead', { upTo: Math.max(...unread.map((m) => m.createdAt)) });
    // Once per newest unread message shown, not on every refresh of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [newest]);

  return (
    <PageShell>
      <Loaded state={messages} skeleton="list" empty={{ title: '暂无消息' }}>
        {(list) => (
          <Section>
            {list.map((m) => (
              <ListRow
                key={m.id}
                testId="message"
                title={<View className="section__title">{m.title}</View>}
                extra={m.read ? undefined : <Tag type="primary">未读</Tag>}
                onClick={m.page ? () => void openUrl(m.page) : undefined}
              >
                <View>{m.body}</View>
                <View className="muted">{formatDateTime(m.createdAt)}</View>
              </ListRow>
            ))}
            <ListFooter list={messages} />
          </Section>
        )}
      </Loaded>
    </PageShell>
  );
}
