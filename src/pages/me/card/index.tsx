import { View } from '@tarojs/components';
import { COMMUNITY_NAME } from '@core/domain/community';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { useCall } from '../../../hooks/use-call';

/** Shown to the event leader when the volunteer cannot scan the event's code themself. */
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
            <View className="muted" data-testid="volunteer-card-code" style={{ wordBreak: 'break-all' }}>
              {c.code}
            </View>
          </View>
        )}
      </Loaded>
    </PageShell>
  );
}
