import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type ProposalId, type ProposalView } from '@core/contract';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { ListFooter } from '../../../components/list-footer';
import { useAction } from '../../../hooks/use-action';
import { useForm } from '../../../hooks/use-form';
import { usePaged } from '../../../hooks/use-paged';

const schema = contract.votes.mergeProposal.input;

/** Merge a duplicate into a proposal of the 需求清单: its supports count there, it links there. */
export function MergePanel({ proposal, onMerged }: { proposal: ProposalView; onMerged(): void }) {
  const targets = usePaged('votes', 'proposals', {});
  const form = useForm(schema, { proposalId: proposal.id, reason: '' });
  const merge = useAction('votes', 'mergeProposal', {
    confirm: {
      title: '合并提议',
      content: `「${proposal.title}」将并入所选提议，附议一并计入，合并后不能撤销。`,
      confirmText: '合并',
    },
    done: '已合并',
    onFail: form.showFailure,
  });
  const [open, setOpen] = useState(false);
  const options = (targets.data ?? [])
    .filter((t) => t.id !== proposal.id)
    .map((t) => ({ value: t.id as ProposalId, label: `${t.title}（附议 ${t.supportCount}）` }));
  const submit = async () => {
    if (await form.submit(merge.run)) onMerged();
  };
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        合并到…
      </Button>
    );
  return (
    <View className="staff-merge" data-testid="merge-panel">
      <SelectField label="合并到" options={options} {...form.field('intoId')} />
      <ListFooter list={targets} />
      <TextField label="说明" placeholder="选填，如：与某提议内容相同" {...form.field('reason')} />
      <View className="actions">
        <Button size="small" type="primary" loading={merge.busy} onClick={() => void submit()}>
          确认合并
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
