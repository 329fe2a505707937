/**
 * 首页 from one answer: a single `user.home` call fills every section (an old phone on a slow
 * network waits for one round trip), and each section leads where it says.
 */
import './support/h5-env';
import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HomeView } from '@core/contract/home';
import { ROUTES } from '@core/routes';
import Home from '../../src/pages/home';
import { useSession } from '../../src/stores/session';
import { useSettings } from '../../src/stores/settings';
import { eventFixture, goodsFixture, residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const navigateTo = Taro.navigateTo as jest.Mock;

function home(overrides: Partial<Record<keyof HomeView, unknown>> = {}): HomeView {
  return HomeView.parse({
    balance: 120,
    nextEvent: eventFixture({ id: 'e-next', title: '重阳敬老包饺子' }),
    events: [
      eventFixture({ id: 'e1', title: '周末楼道清扫志愿服务' }),
      eventFixture({ id: 'e2', title: '重阳敬老包饺子' }),
      eventFixture({ id: 'e3', title: '垃圾分类宣传志愿服务' }),
    ],
    goods: [goodsFixture({ id: 'g1', name: '鸡蛋一盒' }), goodsFixture({ id: 'g2', name: '理发券' })],
    wishes: {
      open: 2,
      latest: [
        {
          id: 'w1',
          title: '家里的台灯坏了',
          categoryLabel: '上门服务',
          recipient: '张** · 1栋',
          publishedAt: 1,
        },
      ],
    },
    round: null,
    unreadMessages: 3,
    workbenchWaiting: null,
    ...overrides,
  });
}

function renderHome(view: HomeView, user = residentFixture()) {
  useSession.setState({ status: 'ready', user });
  useSettings.setState({ careModeAsked: true });
  const transport = fakeTransport({ 'user.home': { ok: true, data: view } });
  render(<Home />);
  return transport;
}

test('one request fills every section', async () => {
  const transport = renderHome(home());
  await screen.findByTestId('home-next-event');
  expect(transport.mock.calls.map(([fn, body]) => `${fn}.${body.action}`)).toEqual(['user.home']);
  expect(screen.getByTestId('entry-points').textContent).toContain('我的积分 120');
  expect(screen.getByTestId('entry-wishes').textContent).toContain('2 个待认领');
  expect(within(screen.getByTestId('home-next-event')).getByText('重阳敬老包饺子')).toBeTruthy();
  expect(screen.getAllByTestId('event-card')).toHaveLength(3);
  expect(screen.getAllByTestId('goods-card').map((g) => g.textContent)).toEqual([
    expect.stringContaining('鸡蛋一盒'),
    expect.stringContaining('理发券'),
  ]);
  expect(screen.getByTestId('home-messages').textContent).toContain('3 条未读');
  expect(screen.getByTestId('home-wishes').textContent).toContain('张** · 1栋');
  expect(screen.queryByTestId('home-round')).toBeNull();
  expect(screen.queryByTestId('home-workbench')).toBeNull();
});

test('each section leads to its page', async () => {
  renderHome(home());
  fireEvent.click(await screen.findByText('3 条未读'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: `/${ROUTES.messages}` });
  fireEvent.click(within(screen.getByTestId('home-next-event')).getByText('重阳敬老包饺子'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: `/${ROUTES.eventDetail}?id=e-next` });
  fireEvent.click(screen.getByText('家里的台灯坏了'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: `/${ROUTES.wishDetail}?id=w1` });
});

test('staff see the 社区工作台 with what waits there', async () => {
  renderHome(home({ workbenchWaiting: 5 }), residentFixture({ roles: ['resident', 'staff'] }));
  const entry = await screen.findByTestId('home-workbench');
  expect(entry.textContent).toContain('5 项待办');
  fireEvent.click(entry);
  expect(navigateTo).toHaveBeenLastCalledWith({ url: `/${ROUTES.staffWorkbench}` });
});

test('nothing of mine yet: the way to find an event instead', async () => {
  renderHome(home({ nextEvent: null, unreadMessages: 0 }));
  expect((await screen.findByTestId('home-next-event')).textContent).toContain('还没有报名的活动');
  expect(screen.getByTestId('home-messages').textContent).toContain('没有新消息');
});
