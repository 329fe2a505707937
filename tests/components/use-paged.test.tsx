/** usePaged: the first page like useCall, the next ones on 加载更多, answers for an older list dropped. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ListFooter } from '../../src/components/list-footer';
import { Loaded } from '../../src/components/loaded';
import { usePaged } from '../../src/hooks/use-paged';
import { deferredTransport } from './support/deferred';

const message = (id: string) => ({ id, template: 't', title: `消息${id}`, body: '', page: '', createdAt: 1 });
const page = (ids: string[], next: { at: number; id: string } | null) => ({
  ok: true as const,
  data: { items: ids.map(message), next },
});

function Messages() {
  const messages = usePaged('user', 'listOutbox', {});
  return (
    <Loaded state={messages} skeleton="list" empty={{ title: '暂无消息' }}>
      {(list) => (
        <>
          {list.map((m) => (
            <span key={m.id} data-testid="row">
              {m.id}
            </span>
          ))}
          <ListFooter list={messages} />
        </>
      )}
    </Loaded>
  );
}

const rows = () => screen.getAllByTestId('row').map((r) => r.textContent);

test('the first page, then 加载更多 appends the next from its cursor, then the end', async () => {
  const { requests } = deferredTransport();
  render(<Messages />);
  expect(screen.getByTestId('skeleton')).toBeTruthy();
  expect(requests[0].input).toEqual({});
  await act(() => requests[0].answer(page(['a', 'b'], { at: 1, id: 'b' })));
  expect(rows()).toEqual(['a', 'b']);
  fireEvent.click(screen.getByTestId('load-more'));
  expect(screen.getByText('加载中…')).toBeTruthy();
  // A second tap while it loads asks for nothing more.
  expect(screen.queryByTestId('load-more')).toBeNull();
  expect(requests[1].input).toEqual({ cursor: { at: 1, id: 'b' } });
  await act(() => requests[1].answer(page(['c'], null)));
  expect(rows()).toEqual(['a', 'b', 'c']);
  expect(screen.getByText('没有更多了')).toBeTruthy();
  expect(requests).toHaveLength(2);
});

test('an answer for the list before a filter change is dropped', async () => {
  const { requests } = deferredTransport();
  function Applications({ status }: { status: 'pending' | 'approved' }) {
    const apps = usePaged('user', 'listApplications', { status });
    return <span data-testid="count">{apps.data ? apps.data.length : '…'}</span>;
  }
  const view = render(<Applications status="pending" />);
  view.rerender(<Applications status="approved" />);
  expect(requests.map((r) => r.input.status)).toEqual(['pending', 'approved']);
  await act(() => requests[1].answer({ ok: true, data: { items: [], next: null } }));
  await act(() =>
    requests[0].answer({ ok: true, data: { items: [{ id: 'x' }, { id: 'y' }] as never[], next: null } }),
  );
  expect(screen.getByTestId('count').textContent).toBe('0');
});
