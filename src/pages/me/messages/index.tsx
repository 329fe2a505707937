import { View } from '@tarojs/components';
import { formatDateTime } from '@core/time';
import { ListFooter } from '../../../components/list-footer';
import { ListRow } from '../../../components/list-row';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { usePaged } from '../../../hooks/use-paged';
import { openUrl } from '../../../services/navigation';

/** 我的消息: what the community told the resident, newest first; a tap opens what it is about. */
export default function Messages() {
  const messages = usePaged('user', 'listOutbox', {});
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
