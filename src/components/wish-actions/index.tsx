import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { contract, type WishView } from '@core/contract';
import { formatDay } from '@core/time';
import type { usePrompt } from '../prompt-dialog';
import { useAction } from '../../hooks/use-action';
import { go } from '../../services/navigation';
import { FulfilForm } from './fulfil-form';
import './index.scss';

const input = contract.wishes;

interface Props {
  wish: WishView;
  /** The wish as the action answered it. */
  onChange(wish: WishView): void;
  /** The page's one input dialog (release, revoke, reject, thanks). */
  prompt: ReturnType<typeof usePrompt>;
}

/**
 * Every act on a wish the caller may take, each shown only when the server's flag allows it
 * (mayClaim, mayFulfil, mayConfirm, …), with a confirm step — or the dialog asking the reason —
 * before anything that cannot be undone. The same buttons on the detail page and in staff's queue.
 */
export function WishActions({ wish, onChange, prompt }: Props) {
  const [fulfilling, setFulfilling] = useState(false);
  const claim = useAction('wishes', 'claim', {
    confirm: {
      title: '认领心愿',
      content: `请在 ${formatDay(wish.wantedBy)} 前完成，到期未完成将自动释放。认领后可看到心愿人的联系方式，请妥善保管。`,
      confirmText: '认领',
    },
    done: '认领成功',
  });
  const release = useAction('wishes', 'release', { done: '已放弃认领' });
  const confirm = useAction('wishes', 'confirm', { done: '已确认收到' });
  const withdraw = useAction('wishes', 'withdraw', {
    confirm: { title: '撤回心愿', content: '撤回后心愿不再展示，确定撤回吗？', confirmText: '撤回' },
    done: '已撤回',
  });
  const revoke = useAction('wishes', 'revoke', { done: '已撤销认领' });
  const review = useAction('wishes', 'review', {
    confirm: (r) =>
      r.approve
        ? { title: '通过审核', content: '通过后心愿将展示在心愿墙上，党员可以认领。', confirmText: '通过' }
        : null,
    done: (w) => (w.status === 'open' ? '已通过' : '已驳回'),
  });

  const after = (changed: WishView | undefined) => {
    if (changed) onChange(changed);
  };
  const askReason = (title: string, field: Parameters<typeof prompt.ask>[0]['field'], confirmText: string) =>
    prompt.ask({ title, field, confirmText, placeholder: '请填写原因，对方会看到' });

  const onRelease = async () => {
    const reason = await askReason('放弃认领', input.release.input.shape.reason, '确认放弃');
    if (reason !== null) after(await release.run({ wishId: wish.id, reason }));
  };
  const onRevoke = async () => {
    const reason = await askReason('撤销认领', input.revoke.input.shape.reason, '确认撤销');
    if (reason !== null) after(await revoke.run({ wishId: wish.id, reason }));
  };
  const onReject = async () => {
    const reason = await prompt.ask({
      title: '驳回心愿',
      placeholder: '请填写驳回理由，发布人会看到',
      confirmText: '确认驳回',
      field: input.review.input.shape.reason,
      required: '请填写驳回理由',
    });
    if (reason !== null) after(await review.run({ wishId: wish.id, approve: false, reason }));
  };
  const onConfirm = async () => {
    // The dialog is the confirm step: receipt cannot be undone, and it pays the member.
    const thanks = await prompt.ask({
      title: wish.isPoster ? '确认收到' : '代心愿人确认收到',
      placeholder: `确认后 ${wish.claim?.memberName ?? '党员'} 获得 ${wish.points} 积分。可以写一句感谢（选填）`,
      confirmText: '确认收到',
      field: input.confirm.input.shape.thanks,
    });
    if (thanks !== null) after(await confirm.run({ wishId: wish.id, thanks: thanks || undefined }));
  };

  return (
    <>
      <View className="form-actions actions llt-wish-actions" data-testid="wish-actions">
        {wish.mayClaim && (
          <Button
            type="primary"
            loading={claim.busy}
            onClick={() => void claim.run({ wishId: wish.id }).then(after)}
          >
            我来认领
          </Button>
        )}
        {wish.mayFulfil && !fulfilling && (
          <Button type="primary" onClick={() => setFulfilling(true)}>
            标记完成
          </Button>
        )}
        {wish.mayRelease && <Button onClick={() => void onRelease()}>放弃认领</Button>}
        {wish.mayConfirm && (
          <Button type="primary" loading={confirm.busy} onClick={() => void onConfirm()}>
            确认收到
          </Button>
        )}
        {wish.mayApprove && (
          <Button
            type="primary"
            loading={review.busy}
            onClick={() => void review.run({ wishId: wish.id, approve: true }).then(after)}
          >
            通过
          </Button>
        )}
        {wish.mayReview && <Button onClick={() => void onReject()}>驳回</Button>}
        {wish.mayEdit && <Button onClick={() => go('staffWishEdit', { id: wish.id })}>修改</Button>}
        {wish.mayRevoke && <Button onClick={() => void onRevoke()}>撤销认领</Button>}
        {wish.mayWithdraw && (
          <Button loading={withdraw.busy} onClick={() => void withdraw.run({ wishId: wish.id }).then(after)}>
            撤回心愿
          </Button>
        )}
      </View>
      {fulfilling && wish.mayFulfil && (
        <FulfilForm
          wish={wish}
          onCancel={() => setFulfilling(false)}
          onDone={(done) => {
            setFulfilling(false);
            onChange(done);
          }}
        />
      )}
    </>
  );
}
