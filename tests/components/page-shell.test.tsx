import './support/h5-env'; // first: isLocalCloud is read when dev-identity is imported
import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEV_LOGIN_PAGE, PageShell } from '../../src/components/page-shell';
import { isLocalCloud, setDevOpenid } from '../../src/services/dev-identity';
import { useSession } from '../../src/stores/session';
import { useSettings } from '../../src/stores/settings';
import { residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const redirectTo = Taro.redirectTo as jest.Mock;

function renderShell(props: { requiresLogin?: boolean; className?: string } = {}) {
  render(
    <PageShell {...props}>
      <span>页面内容</span>
    </PageShell>,
  );
  // The page root is the View that wraps the children.
  return screen.getByText('页面内容').parentElement as HTMLElement;
}

test('the test runs as the H5 build against the local cloud', () => {
  expect(isLocalCloud).toBe(true);
});

describe('关怀模式', () => {
  beforeEach(() => useSession.setState({ status: 'ready', user: residentFixture() }));

  test('care mode on: the page root carries page--care', async () => {
    useSettings.setState({ careMode: true });
    const root = renderShell({ className: 'home' });
    await waitFor(() => expect(root.classList.contains('page--care')).toBe(true));
    expect(root.className.split(/\s+/)).toEqual(expect.arrayContaining(['page', 'home']));
  });

  test('care mode off: no page--care', async () => {
    useSettings.setState({ careMode: false });
    const root = renderShell({ className: 'home' });
    await waitFor(() => expect(root.classList.contains('page')).toBe(true));
    expect(root.classList.contains('page--care')).toBe(false);
  });

  test('switching care mode on re-renders the page with page--care', async () => {
    const root = renderShell();
    await waitFor(() => expect(root.classList.contains('page')).toBe(true));
    expect(root.classList.contains('page--care')).toBe(false);
    act(() => useSettings.getState().setCareMode(true));
    await waitFor(() => expect(root.classList.contains('page--care')).toBe(true));
  });
});

describe('login on the local cloud', () => {
  test('idle and no dev openid: goes to the dev login page and calls nothing', async () => {
    const transport = fakeTransport({});
    renderShell();
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: DEV_LOGIN_PAGE }));
    expect(DEV_LOGIN_PAGE).toBe('/packages/dev/login/index');
    expect(transport).not.toHaveBeenCalled();
    expect(useSession.getState().status).toBe('idle');
  });

  test('idle with a dev openid: logs in and the session ends ready with the user', async () => {
    const user = residentFixture({ nickname: '李大爷', careMode: true });
    const transport = fakeTransport({ 'user.login': { ok: true, data: { user, isNew: false } } });
    setDevOpenid('wx-dev-li');
    renderShell();
    await waitFor(() => expect(useSession.getState().status).toBe('ready'));
    expect(transport).toHaveBeenCalledTimes(1);
    expect(transport).toHaveBeenCalledWith('user', { action: 'login', input: {} });
    expect(useSession.getState().user).toEqual(user);
    expect(redirectTo).not.toHaveBeenCalled();
    // The profile's 关怀模式 follows the resident onto this device.
    expect(useSettings.getState().careMode).toBe(true);
  });

  test('a failed login leaves the session in error with the server’s message', async () => {
    fakeTransport({ 'user.login': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    setDevOpenid('wx-dev-li');
    renderShell();
    await waitFor(() => expect(useSession.getState().status).toBe('error'));
    expect(useSession.getState().error).toBe('系统繁忙，请稍后再试');
    expect(useSession.getState().user).toBeNull();
  });

  test('a page that does not require login neither redirects nor logs in', async () => {
    const transport = fakeTransport({});
    renderShell({ requiresLogin: false });
    await screen.findByText('页面内容');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(redirectTo).not.toHaveBeenCalled();
    expect(transport).not.toHaveBeenCalled();
  });
});
