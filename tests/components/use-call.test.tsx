/** useCall and the states it feeds (Loaded: skeleton, error, empty, content). */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Loaded } from '../../src/components/loaded';
import { useCall } from '../../src/hooks/use-call';
import { deferredTransport } from './support/deferred';
import { eventFixture } from './support/fixtures';

const showToast = Taro.showToast as jest.Mock;
const getCurrentPages = Taro.getCurrentPages as jest.Mock;

const eventView = (id: string, title: string) => eventFixture({ id, title });

let reload: () => Promise<void>;
function EventTitle({ id }: { id: string }) {
  const event = useCall('events', 'get', { eventId: id });
  reload = event.reload;
  return (
    <Loaded state={event} skeleton="detail">
      {(e) => <span data-testid="title">{e.title}</span>}
    </Loaded>
  );
}

test('loading → data: the skeleton until the answer, then the content', async () => {
  const { requests } = deferredTransport();
  render(<EventTitle id="e1" />);
  expect(screen.getByTestId('skeleton')).toBeTruthy();
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ fn: 'events', action: 'get', input: { eventId: 'e1' } });
  await act(() => requests[0].answer({ ok: true, data: eventView('e1', '重阳节敬老服务') }));
  expect(screen.getByTestId('title').textContent).toBe('重阳节敬老服务');
  expect(screen.queryByTestId('skeleton')).toBeNull();
});

test('error → retry: the error state says what happened, 重试 asks again and shows the answer', async () => {
  const { requests } = deferredTransport();
  render(<EventTitle id="gone" />);
  await act(() => requests[0].answer({ ok: false, code: 'NOT_FOUND', message: '内容不存在或已删除' }));
  const state = screen.getByTestId('error-state');
  expect(state.textContent).toContain('内容不存在或已删除');
  expect(screen.getByText('返回')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  expect(requests).toHaveLength(2);
  expect(screen.getByTestId('error-state')).toBeTruthy();
  await act(() => requests[1].answer({ ok: true, data: eventView('gone', '找到了') }));
  expect(screen.getByTestId('title').textContent).toBe('找到了');
});

test('each failure is told in plain words: no permission, network', async () => {
  const { requests } = deferredTransport();
  render(<EventTitle id="e1" />);
  await act(() => requests[0].answer({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' }));
  expect(screen.getByTestId('error-state').textContent).toContain('您没有权限查看');
  fireEvent.click(screen.getByText('重试'));
  await act(() =>
    requests[1].answer({ ok: false, code: 'NETWORK', message: '网络不给力，请检查网络后重试' }),
  );
  expect(screen.getByTestId('error-state').textContent).toContain('网络不给力');
});

test('返回 goes back, or home when the page was opened directly', async () => {
  const { requests } = deferredTransport();
  render(<EventTitle id="e1" />);
  await act(() => requests[0].answer({ ok: false, code: 'NOT_FOUND', message: '内容不存在或已删除' }));
  fireEvent.click(screen.getByText('返回'));
  expect(Taro.navigateBack).toHaveBeenCalledTimes(1);
  getCurrentPages.mockReturnValue([{}]);
  fireEvent.click(screen.getByText('返回'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  expect(Taro.navigateBack).toHaveBeenCalledTimes(1);
});

test('a stale answer is dropped: the answer for the previous input never replaces the current one', async () => {
  const { requests } = deferredTransport();
  const view = render(<EventTitle id="e1" />);
  view.rerender(<EventTitle id="e2" />);
  expect(requests.map((r) => r.input.eventId)).toEqual(['e1', 'e2']);
  // The new input shows its own skeleton, not the old data.
  expect(screen.getByTestId('skeleton')).toBeTruthy();
  await act(() => requests[1].answer({ ok: true, data: eventView('e2', '第二个活动') }));
  await act(() => requests[0].answer({ ok: true, data: eventView('e1', '第一个活动') }));
  expect(screen.getByTestId('title').textContent).toBe('第二个活动');
});

test('a reload overtakes a slower earlier request; a failed refresh keeps the content and toasts', async () => {
  const { requests } = deferredTransport();
  render(<EventTitle id="e1" />);
  await act(() => requests[0].answer({ ok: true, data: eventView('e1', '旧标题') }));
  void act(() => void reload());
  void act(() => void reload());
  await waitFor(() => expect(requests).toHaveLength(3));
  await act(() => requests[2].answer({ ok: true, data: eventView('e1', '新标题') }));
  await act(() => requests[1].answer({ ok: true, data: eventView('e1', '过时的标题') }));
  expect(screen.getByTestId('title').textContent).toBe('新标题');

  void act(() => void reload());
  await waitFor(() => expect(requests).toHaveLength(4));
  await act(() =>
    requests[3].answer({ ok: false, code: 'NETWORK', message: '网络不给力，请检查网络后重试' }),
  );
  expect(screen.getByTestId('title').textContent).toBe('新标题');
  expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请检查网络后重试' }));
});

test('an empty list shows the empty state, with a bundled picture and the next step', async () => {
  const { requests } = deferredTransport();
  const next = jest.fn();
  function Orders() {
    const orders = useCall('events', 'list', {});
    return (
      <Loaded
        state={orders}
        skeleton="cards"
        empty={{ title: '暂无活动', action: { text: '去看看', onClick: next } }}
      >
        {(list) => <span>{list.length}</span>}
      </Loaded>
    );
  }
  render(<Orders />);
  await act(() => requests[0].answer({ ok: true, data: [] }));
  const empty = screen.getByTestId('empty-state');
  expect(empty.textContent).toContain('暂无活动');
  const picture = empty.querySelector('taro-image-core');
  expect(picture?.getAttribute('src')).toMatch(/^\/static\//);
  fireEvent.click(screen.getByText('去看看'));
  expect(next).toHaveBeenCalledTimes(1);
});

/** The callback the page last gave a Taro page hook (the mock keeps every render's). */
const latest = (hook: unknown) => {
  const calls = (hook as jest.Mock).mock.calls;
  return calls[calls.length - 1][0] as () => void;
};

test('shown again or pulled down, a page asks again, keeps what it shows meanwhile, and ends the pull-down', async () => {
  const stop = Taro.stopPullDownRefresh as jest.Mock;
  stop.mockClear();
  const { requests } = deferredTransport();
  render(<EventTitle id="e1" />);
  await act(() => requests[0].answer({ ok: true, data: eventView('e1', '第一次') }));
  expect(requests).toHaveLength(1);

  // Back from another page: the same page is shown again and reads afresh.
  await act(async () => latest(Taro.useDidShow)());
  expect(requests).toHaveLength(2);
  expect(screen.getByTestId('title').textContent).toBe('第一次');
  await act(() => requests[1].answer({ ok: true, data: eventView('e1', '第二次') }));
  expect(screen.getByTestId('title').textContent).toBe('第二次');

  // Pull-down: read again, and the spinner stops once the answer is in.
  await act(async () => latest(Taro.usePullDownRefresh)());
  expect(requests).toHaveLength(3);
  expect(stop).not.toHaveBeenCalled();
  await act(() => requests[2].answer({ ok: true, data: eventView('e1', '第三次') }));
  expect(screen.getByTestId('title').textContent).toBe('第三次');
  expect(stop).toHaveBeenCalledTimes(1);
});
