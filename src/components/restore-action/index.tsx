import { Button } from '@nutui/nutui-react-taro';
import { contract } from '@core/contract';
import type { TargetKind } from '@core/domain/moderation';
import { useAction } from '../../hooks/use-action';
import { usePrompt } from '../prompt-dialog';

interface Props {
  kind: TargetKind;
  id: string;
  /** The item's server-computed flag: hidden, and the caller is staff. */
  mayRestore: boolean;
  /** Read the item again: it is public once more. */
  onRestored(): void;
}

/**
 * 恢复显示, for staff on a hidden item (a wish, a 百姓点菜 proposal): after looking at a photo
 * judged 疑似, or at a report they now think wrong, staff put it back with a note for the record.
 * The server refuses while a photo it shows failed the check.
 */
export function RestoreAction({ kind, id, mayRestore, onRestored }: Props) {
  const prompt = usePrompt();
  const restore = useAction('moderation', 'restoreItem', { done: '已恢复显示' });
  if (!mayRestore) return null;

  const onRestore = async () => {
    const note = await prompt.ask({
      title: '复核后恢复显示',
      placeholder: '请写明复核结果，记入操作记录',
      confirmText: '恢复显示',
      field: contract.moderation.restoreItem.input.shape.note,
      required: '请填写复核说明',
    });
    if (note !== null && (await restore.run({ kind, id, note }))) onRestored();
  };

  return (
    <>
      <Button size="small" loading={restore.busy} onClick={() => void onRestore()} data-testid="restore-open">
        复核后恢复显示
      </Button>
      {prompt.dialog}
    </>
  );
}
