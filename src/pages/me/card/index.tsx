import { View } from '@tarojs/components';
import { COMMUNITY_NAME } from '@core/domain/community';
import { formatCardNumber } from '@core/domain/volunteer-card';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { useCall } from '../../../hooks/use-call';

/**
 * Shown to the event leader when the volunteer cannot scan the event's code themself: the QR
 * for the leader's scanner and the 证号 for a leader who types it. The code itself is never shown.
 */
export default function VolunteerCard() {
  const card = useCall('events', 'myVolunteerCard', {});
  return (
    <PageShell>
      <Loaded state={card} skeleton="detail">
        {(c) => (
          <View className="section center" data-testid="volunteer-card">
            <View className="section__title">{c.name}</View>
            <View className="muted">{COMMUNITY_NAME}注册志愿者</View>
            <QrCode text={c.code} size={240} />
            <View className="muted">请向活动负责人出示此码签到或签退</View>
            <View className="muted">负责人扫不了码时，报出证号：</View>
            <View className="pickup-code" data-testid="volunteer-card-number">
              {formatCardNumber(c.number)}
            </View>
          </View>
        )}
      </Loaded>
    </PageShell>
  );
}
