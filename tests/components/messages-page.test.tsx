/** 我的消息 marks what it showed as read, up to the newest unread shown (one arriving meanwhile stays unread). */
import './support/h5-env';
import { render, screen, waitFor } from '@testing-library/react';
import Messages from '../../src/pages/me/messages';
import { useSession } from '../../src/stores/session';
import { residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const message = (id: string, createdAt: number, read: boolean) => ({
  id,
  template: 'hours_confirmed',
  title: `消息${id}`,
  body: '',
  page: '',
  createdAt,
  read,
});

test('the unread ones shown are marked read, up to the newest of them, once', async () => {
  useSession.setState({ status: 'ready', user: residentFixture() });
  const transport = fakeTransport({
    'user.listOutbox': {
      ok: true,
      data: {
        items: [message('3', 3000, false), message('2', 2000, false), message('1', 1000, true)],
        next: null,
      },
    },
    'user.markMessagesRead': { ok: true, data: { count: 2 } },
  });
  render(<Messages />);
  await screen.findByText('消息3');
  await waitFor(() =>
    expect(transport).toHaveBeenCalledWith('user', { action: 'markMessagesRead', input: { upTo: 3000 } }),
  );
  expect(screen.getAllByText('未读')).toHaveLength(2);
  expect(transport.mock.calls.filter(([, body]) => body.action === 'markMessagesRead')).toHaveLength(1);
});

test('nothing unread: nothing to mark', async () => {
  useSession.setState({ status: 'ready', user: residentFixture() });
  const transport = fakeTransport({
    'user.listOutbox': { ok: true, data: { items: [message('1', 1000, true)], next: null } },
  });
  render(<Messages />);
  await screen.findByText('消息1');
  expect(transport.mock.calls.map(([, body]) => body.action)).toEqual(['listOutbox']);
});
