/**
 * The acts on a wish: each button appears only when the server's flag allows it, and nothing is
 * sent before its confirm step (or the dialog asking for the reason or the thanks) is accepted.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { WishView } from '@core/contract';
import { usePrompt } from '../../src/components/prompt-dialog';
import { WishActions } from '../../src/components/wish-actions';
import { wishFixture } from './support/fixtures';
import { ignoreLibraryWarnings } from './support/library-warnings';
import { fakeTransport } from './support/transport';

// NutUI 2.7.15's Dialog animates with a react-transition-group that calls findDOMNode.
ignoreLibraryWarnings(/findDOMNode is deprecated/);

const showModal = Taro.showModal as jest.Mock;
const ok = (data: unknown) => ({ ok: true as const, data });

function Actions({ wish, onChange }: { wish: WishView; onChange(w: WishView): void }) {
  const prompt = usePrompt();
  return (
    <>
      <WishActions wish={wish} onChange={onChange} prompt={prompt} />
      {prompt.dialog}
    </>
  );
}

const buttons = () =>
  Array.from(screen.getByTestId('wish-actions').querySelectorAll('.nut-button')).map((b) => b.textContent);

test('a neighbour who may do nothing sees no button', () => {
  render(<Actions wish={wishFixture()} onChange={jest.fn()} />);
  expect(buttons()).toEqual([]);
});

test('only the acts the flags allow are offered: a hidden pending wish can be rejected, not approved', () => {
  render(
    <Actions
      wish={wishFixture({ status: 'pending', mayReview: true, mayEdit: true })}
      onChange={jest.fn()}
    />,
  );
  expect(buttons()).toEqual(['驳回', '修改']);
});

test('a claim asks first, then sends the wish id and shows what the cloud answered', async () => {
  const claimed = wishFixture({ status: 'claimed', statusLabel: '已认领', isClaimer: true, mayFulfil: true });
  const transport = fakeTransport({ 'wishes.claim': ok(claimed) });
  const onChange = jest.fn();
  render(<Actions wish={wishFixture({ mayClaim: true })} onChange={onChange} />);

  showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
  await act(async () => void fireEvent.click(screen.getByText('我来认领')));
  expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '认领心愿', confirmText: '认领' }));
  expect(String(showModal.mock.calls[0][0].content)).toContain('12月1日');
  expect(transport).not.toHaveBeenCalled();

  await act(async () => void fireEvent.click(screen.getByText('我来认领')));
  expect(transport).toHaveBeenCalledWith('wishes', { action: 'claim', input: { wishId: 'w-1' } });
  expect(onChange).toHaveBeenCalledWith(claimed);
});

test('staff confirm receipt for a neighbour in a dialog that names the points, with an optional thanks', async () => {
  const closed = wishFixture({ status: 'closed', statusLabel: '已完成' });
  const transport = fakeTransport({ 'wishes.confirm': ok(closed) });
  const onChange = jest.fn();
  const fulfilled = wishFixture({
    status: 'fulfilled',
    mayConfirm: true,
    claim: { memberName: '陈建国', claimedAt: Date.UTC(2026, 10, 22) },
  });
  render(<Actions wish={fulfilled} onChange={onChange} />);
  await act(async () => void fireEvent.click(screen.getByText('确认收到')));
  const dialog = await screen.findByTestId('prompt-dialog');
  expect(document.body.textContent).toContain('代心愿人确认收到');
  const box = await waitFor(() => {
    const found = dialog.querySelector('textarea');
    if (!found) throw new Error('no text box yet');
    return found;
  });
  expect(box.placeholder).toContain('陈建国 获得 5 积分');
  fireEvent.input(box, { target: { value: '谢谢陈师傅' } });
  const dialogOk = document.querySelector('.nut-dialog-footer-ok');
  expect(dialogOk?.textContent).toBe('确认收到');
  await act(async () => void fireEvent.click(dialogOk!));
  expect(transport).toHaveBeenCalledWith('wishes', {
    action: 'confirm',
    input: { wishId: 'w-1', thanks: '谢谢陈师傅' },
  });
  expect(onChange).toHaveBeenCalledWith(closed);
});

test('marking done needs a note and a proof photo before anything is sent; the schema allows 3 photos', async () => {
  const transport = fakeTransport({});
  render(
    <Actions
      wish={wishFixture({ status: 'claimed', mayFulfil: true, mayRelease: true })}
      onChange={jest.fn()}
    />,
  );
  expect(buttons()).toEqual(['标记完成', '放弃认领']);
  await act(async () => void fireEvent.click(screen.getByText('标记完成')));
  expect(screen.getByTestId('add-photo-photos').textContent).toContain('0/3');
  await act(async () => void fireEvent.click(screen.getByText('提交')));
  expect(screen.getByTestId('field-error-note').textContent).toBe('请简单描述完成情况');
  expect(screen.getByTestId('field-error-photos').textContent).toBe('请上传至少一张完成照片');
  expect(transport).not.toHaveBeenCalled();
  expect(showModal).not.toHaveBeenCalled();
});
