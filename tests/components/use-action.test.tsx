/** useAction: one request per tap, one request id per intent, one way to show a failure. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAction, type ActionOptions } from '../../src/hooks/use-action';
import { deferredTransport } from './support/deferred';

const showToast = Taro.showToast as jest.Mock;
const showModal = Taro.showModal as jest.Mock;

const account = { balance: 20, earned: 20, spent: 0, opening: 0, hideFromRankings: false };
const entry = {
  id: 'adjust_u1_x',
  kind: 'adjust',
  amount: 20,
  description: '工作人员调整：补录',
  balanceAfter: 20,
  sourceType: 'manual',
  sourceId: '',
  createdAt: 1,
};

function AdjustButton({
  amount = 20,
  options,
}: {
  amount?: number;
  options?: ActionOptions<'points', 'adjust'>;
}) {
  const adjust = useAction('points', 'adjust', options);
  return (
    <button onClick={() => void adjust.run({ userId: 'u1', amount, reason: '补录' })}>
      {adjust.busy ? '调整中' : '调整'}
      {adjust.retrying ? '（待重试）' : ''}
    </button>
  );
}

test('a double tap runs once; the next tap after the answer runs again', async () => {
  const { requests } = deferredTransport();
  render(<AdjustButton />);
  const button = screen.getByRole('button');
  await act(async () => {
    fireEvent.click(button);
    fireEvent.click(button);
  });
  expect(requests).toHaveLength(1);
  expect(button.textContent).toBe('调整中');
  fireEvent.click(button);
  expect(requests).toHaveLength(1);
  await act(() => requests[0].answer({ ok: true, data: { entry, account } }));
  expect(button.textContent).toBe('调整');
  await act(async () => void fireEvent.click(button));
  expect(requests).toHaveLength(2);
});

test('one request id per intent: a retry after an unknown outcome reuses it; success or new input starts another', async () => {
  const { requests } = deferredTransport();
  const view = render(<AdjustButton />);
  const tap = () => act(async () => void fireEvent.click(screen.getByRole('button')));
  await tap();
  await act(() =>
    requests[0].answer({ ok: false, code: 'NETWORK', message: '网络不给力，请检查网络后重试' }),
  );
  expect(screen.getByRole('button').textContent).toContain('待重试');
  await tap();
  expect(requests[1].input.requestId).toBe(requests[0].input.requestId);
  await act(() => requests[1].answer({ ok: true, data: { entry, account } }));
  expect(screen.getByRole('button').textContent).not.toContain('待重试');
  await tap();
  expect(requests[2].input.requestId).not.toBe(requests[0].input.requestId);
  await act(() => requests[2].answer({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' }));
  // Other input is another intent, even right after an unknown outcome.
  view.rerender(<AdjustButton amount={30} />);
  await tap();
  expect(requests[3].input).toMatchObject({ amount: 30 });
  expect(requests[3].input.requestId).not.toBe(requests[2].input.requestId);
  for (const r of requests) expect(String(r.input.requestId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
});

test('a refusal is shown once, as a toast with the server’s message, and ends the intent', async () => {
  const { requests } = deferredTransport();
  render(<AdjustButton />);
  await act(async () => void fireEvent.click(screen.getByRole('button')));
  await act(() => requests[0].answer({ ok: false, code: 'POINTS_INSUFFICIENT', message: '积分不足' }));
  expect(showToast).toHaveBeenCalledTimes(1);
  expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '积分不足', icon: 'none' }));
  await act(async () => void fireEvent.click(screen.getByRole('button')));
  expect(requests[1].input.requestId).not.toBe(requests[0].input.requestId);
});

test('onFail may handle a failure itself, and then no toast is shown', async () => {
  const { requests } = deferredTransport();
  const onFail = jest.fn(() => true);
  render(<AdjustButton options={{ onFail }} />);
  await act(async () => void fireEvent.click(screen.getByRole('button')));
  await act(() => requests[0].answer({ ok: false, code: 'FORBIDDEN', message: '不能调整自己的积分' }));
  expect(onFail).toHaveBeenCalledWith(expect.objectContaining({ code: 'FORBIDDEN' }));
  expect(showToast).not.toHaveBeenCalled();
});

test('the confirm step comes first: cancelled, nothing is sent; confirmed, it is, and done is told', async () => {
  const { requests } = deferredTransport();
  const options: ActionOptions<'points', 'adjust'> = {
    confirm: (input) => ({ title: '增加积分', content: `+${input.amount}`, confirmText: '确认调整' }),
    done: '已调整',
  };
  render(<AdjustButton options={options} />);
  showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
  await act(async () => void fireEvent.click(screen.getByRole('button')));
  expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '增加积分', content: '+20' }));
  expect(requests).toHaveLength(0);
  await act(async () => void fireEvent.click(screen.getByRole('button')));
  expect(requests).toHaveLength(1);
  await act(() => requests[0].answer({ ok: true, data: { entry, account } }));
  expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已调整', icon: 'success' }));
});

test('an action without a request id is sent as given', async () => {
  const { requests } = deferredTransport();
  function Join() {
    const signUp = useAction('events', 'signUp');
    return <button onClick={() => void signUp.run({ eventId: 'e1' })}>报名</button>;
  }
  render(<Join />);
  await act(async () => void fireEvent.click(screen.getByRole('button')));
  expect(requests[0].input).toEqual({ eventId: 'e1' });
});
