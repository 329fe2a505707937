import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { formatDateTime } from '@core/time';
import { PageShell } from '../../../components/page-shell';
import { call } from '../../../services/cloud';

type Message = OutputOf<'user', 'listOutbox'>[number];

export default function Messages() {
  const [messages, setMessages] = useState<Message[] | null>(null);

  useDidShow(() => {
    void call('user', 'listOutbox', {}).then((res) => setMessages(res.ok ? res.data : []));
  });

  return (
    <PageShell>
      {messages?.length === 0 && <Empty title="暂无消息" />}
      {messages && messages.length > 0 && (
        <View className="section">
          {messages.map((m) => (
            <View key={m.id} className="list-item" data-testid="message">
              <View className="row">
                <View className="section__title">{m.title}</View>
              </View>
              <View>{m.body}</View>
              <View className="muted">{formatDateTime(m.createdAt)}</View>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
