/** 在职党员双报到: a turned-down application opens the form again with what was sent, and the reason. */
import './support/h5-env';
import { render, screen, waitFor } from '@testing-library/react';
import { ApplicationView } from '@core/contract/user';
import Party from '../../src/pages/me/party';
import { useSession } from '../../src/stores/session';
import { residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

function field(container: HTMLElement, name: string): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>(`taro-input-core[name="${name}"] input`);
  if (!input) throw new Error(`no input named ${name}`);
  return input;
}

const application = (status: ApplicationView['status'], createdAt: number, partyOrg: string) =>
  ApplicationView.parse({
    id: `a-${createdAt}`,
    userId: 'u-1001',
    applicantName: '周明',
    kind: 'party_member',
    partyOrg,
    workplace: '市税务局',
    status,
    reason: status === 'rejected' ? '党组织名称不完整' : '',
    createdAt,
    decidedAt: createdAt + 1,
  });

test('rejected: the form holds the application that was turned down, with the reason above it', async () => {
  useSession.setState({ status: 'ready', user: residentFixture() });
  fakeTransport({
    'user.myApplications': {
      ok: true,
      data: [application('rejected', 2000, '税务局支部'), application('withdrawn', 1000, '旧的支部')],
    },
    'user.login': { ok: true, data: { user: residentFixture(), isNew: false } },
  });
  const { container } = render(<Party />);
  await waitFor(() => expect(field(container, 'partyOrg').value).toBe('税务局支部'));
  expect(field(container, 'realName').value).toBe('周明');
  expect(field(container, 'workplace').value).toBe('市税务局');
  expect(screen.getByTestId('party-rejected').textContent).toContain('党组织名称不完整');
});

test('a first application starts empty', async () => {
  useSession.setState({ status: 'ready', user: residentFixture() });
  fakeTransport({
    'user.myApplications': { ok: true, data: [] },
    'user.login': { ok: true, data: { user: residentFixture(), isNew: false } },
  });
  const { container } = render(<Party />);
  await waitFor(() => expect(field(container, 'partyOrg')).toBeTruthy());
  expect(field(container, 'partyOrg').value).toBe('');
  expect(screen.queryByTestId('party-rejected')).toBeNull();
});
