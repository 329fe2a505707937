import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@core/contract';
import { ORGANISER_NAME } from '@core/domain/community';
import { formatHours } from '@core/domain/events';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { useCall } from '../../../hooks/use-call';
import { CardCanvas } from '../../../components/card-canvas';
import { saveCardImage } from '../../../services/card-image';
import { certificateLayout, day, servicePeriod } from './layout';

type Record = OutputOf<'events', 'myServiceRecord'>;

/**
 * 志愿服务证明 with what 民政部令第67号 asks for: the volunteer's name, the service period,
 * its content, the hours, and the organiser who recorded them. It can be shown, or saved
 * as an image.
 */
function CertificateView({ record }: { record: Record }) {
  const issuedAt = Date.now();
  const save = () => saveCardImage(certificateLayout(record, issuedAt), '志愿服务证明.png');

  return (
    <>
      <View className="certificate" data-testid="certificate">
        <View className="certificate__title">志愿服务证明</View>
        <View className="certificate__body">
          兹证明 <View className="certificate__strong">{record.realName}</View> 同志于{' '}
          {servicePeriod(record.rows)} 期间，在{ORGANISER_NAME}参加志愿服务活动 {record.rows.length}{' '}
          次，累计服务时长 <View className="certificate__strong">{formatHours(record.totalMinutes)}</View>。
        </View>
        <View className="certificate__section">服务内容：</View>
        {record.rows.map((row) => (
          <View key={row.eventId} className="certificate__row">
            {day(row.startAt)} {row.title}（{formatHours(row.minutes)}）
          </View>
        ))}
        <View className="certificate__sign">{ORGANISER_NAME}</View>
        <View className="certificate__sign">{day(issuedAt)}</View>
        <View className="muted">依据《志愿服务记录与证明出具办法》出具，记录由社区如实登记。</View>
      </View>
      <View className="form-actions">
        <Button type="primary" block onClick={() => void save()}>
          保存为图片
        </Button>
      </View>
      <CardCanvas />
    </>
  );
}

export default function Certificate() {
  const record = useCall('events', 'myServiceRecord', {});
  return (
    <PageShell>
      <Loaded state={record} skeleton="detail">
        {(r) => <CertificateView record={r} />}
      </Loaded>
    </PageShell>
  );
}
