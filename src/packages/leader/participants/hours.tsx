import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type ParticipantView } from '@core/contract';
import type { usePrompt } from '../../../components/prompt-dialog';

export type Edit = { minutes: number; reason: string };
const adjustment = contract.events.confirmHours.input.shape.adjustments.element.shape;

interface Props {
  participant: ParticipantView;
  edit: Edit | undefined;
  prompt: ReturnType<typeof usePrompt>;
  onEdit(edit: Edit | undefined): void;
}

/** Before confirming: the proposed hours, or the leader's change with its reason, and 修改. */
export function HoursEdit({ participant: p, edit, prompt, onEdit }: Props) {
  const change = async () => {
    const minutes = await prompt.ask({
      title: `${p.name} 的服务时长（分钟）`,
      initial: String(edit?.minutes ?? p.proposedMinutes),
      field: adjustment.minutes,
      numeric: true,
    });
    if (minutes === null) return;
    if (Number(minutes) === p.proposedMinutes) return onEdit(undefined);
    const reason = await prompt.ask({
      title: '修改时长的原因',
      initial: edit?.reason,
      field: adjustment.reason,
    });
    if (reason !== null) onEdit({ minutes: Number(minutes), reason });
  };
  return (
    <View className="row">
      <View>{edit ? `改为 ${edit.minutes} 分钟（${edit.reason}）` : ''}</View>
      <Button size="small" onClick={() => void change()}>
        修改时长
      </Button>
    </View>
  );
}
