import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ParticipantView } from '@core/contract';
import { formatDateTime } from '@core/time';

interface Props {
  participant: ParticipantView;
  /** What the leader may do with this person now (check in, edit the hours). */
  children?: ReactNode;
}

const at = (ms: number | null) => (ms ? formatDateTime(ms) : '—');

/** One person on the leader's list: name, place, check-in and check-out, and their hours. */
export function ParticipantRow({ participant: p, children }: Props) {
  return (
    <View className="list-item" data-testid="participant">
      <View className="row">
        <View className="section__title">
          {p.name} {p.managed && <Tag type="warning">代管</Tag>}
        </View>
        <Tag type={p.status === 'confirmed' ? 'success' : 'warning'}>
          {p.status === 'confirmed' ? '已报名' : `候补${p.waitlistPosition}`}
        </Tag>
      </View>
      <View className="muted">
        签到 {at(p.checkInAt)} · 签退 {at(p.checkOutAt)}
        {p.actedBy ? ` · 由${p.actedBy}代报名` : ''}
      </View>
      {p.confirmedMinutes !== null ? (
        <View>
          已确认 {p.confirmedMinutes} 分钟 · {p.points} 积分
          {p.hoursReason ? `（${p.hoursReason}）` : ''}
        </View>
      ) : (
        p.status === 'confirmed' && <View className="muted">建议时长 {p.proposedMinutes} 分钟</View>
      )}
      {children}
    </View>
  );
}
