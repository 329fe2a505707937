import { View } from '@tarojs/components';
import type { WishView } from '@core/contract';
import { formatDateTime } from '@core/time';
import { Section } from '../../../components/section';
import { useCall } from '../../../hooks/use-call';

/** Staff: how the photos' image checks came out (a non-pass verdict has hidden the wish). */
export function ImageChecks({ wish }: { wish: WishView }) {
  const checks = useCall('moderation', 'imageChecks', { kind: 'wish', id: wish.id });
  if (!checks.data || checks.data.length === 0) return null;
  return (
    <Section title="图片安全检测" testId="image-checks">
      {checks.data.map((check, i) => (
        <View key={check.traceId} className="row">
          <View>照片 {i + 1}</View>
          <View className={check.status === 'pass' || check.status === 'pending' ? 'muted' : 'text-danger'}>
            {check.statusLabel}
            {check.verdictAt ? ` · ${formatDateTime(check.verdictAt)}` : ''}
          </View>
        </View>
      ))}
    </Section>
  );
}
