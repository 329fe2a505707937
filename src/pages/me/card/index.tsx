import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import type { OutputOf } from '@core/contract';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { call } from '../../../services/cloud';
import { showError } from '../../../services/feedback';

/** Shown to the event leader when the volunteer cannot scan the event's code themself. */
export default function VolunteerCard() {
  const [card, setCard] = useState<OutputOf<'events', 'myVolunteerCard'> | null>(null);
  useEffect(() => {
    void call('events', 'myVolunteerCard', {}).then((res) => (res.ok ? setCard(res.data) : showError(res)));
  }, []);
  return (
    <PageShell>
      {card && (
        <View className="section center" data-testid="volunteer-card">
          <View className="section__title">{card.name}</View>
          <View className="muted">幸福里社区注册志愿者</View>
          <QrCode text={card.code} size={240} />
          <View className="muted">请向活动负责人出示此码签到或签退</View>
          <View className="muted" data-testid="volunteer-card-code" style={{ wordBreak: 'break-all' }}>
            {card.code}
          </View>
        </View>
      )}
    </PageShell>
  );
}
