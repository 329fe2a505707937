import './support/h5-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { WorkbenchView } from '@core/contract/dashboard';
import { WORKBENCH_COUNTS } from '@core/domain/dashboard';
import { ROUTES } from '@core/routes';
import { useSession } from '../../src/stores/session';
import Workbench from '../../src/packages/staff/workbench';
import { MonthChart } from '../../src/packages/staff/dashboard/month-chart';
import { TOOL_GROUPS } from '../../src/packages/staff/workbench/tools';
import { residentFixture } from './support/fixtures';
import { fakeTransport } from './support/transport';

const navigateTo = Taro.navigateTo as jest.Mock;

/** The badges as `dashboard.workbench` answers them: nothing waits but what is given. */
function counts(waiting: Partial<WorkbenchView['counts']>): WorkbenchView {
  return WorkbenchView.parse({
    counts: { ...Object.fromEntries(WORKBENCH_COUNTS.map((k) => [k, 0])), ...waiting },
  });
}

const rowOf = (label: string) => screen.getByText(label).closest('[data-testid="staff-tool"]') as HTMLElement;

describe('社区工作台', () => {
  beforeEach(() => {
    navigateTo.mockClear();
    useSession.setState({ status: 'ready', user: residentFixture({ roles: ['resident', 'staff'] }) });
  });

  test('every tool of the table is listed, with the count of what waits beside it', async () => {
    fakeTransport({ 'dashboard.workbench': { ok: true, data: counts({ applications: 3, pickups: 120 }) } });
    render(<Workbench />);
    await waitFor(() => expect(rowOf('审核双报到申请').textContent).toContain('3'));
    expect(rowOf('兑换核销').textContent).toContain('99+');
    // Nothing waiting, no badge.
    expect(rowOf('活动管理').querySelector('[data-testid="tool-badge"]')).toBeNull();
    for (const tool of TOOL_GROUPS.flatMap((g) => g.tools)) expect(screen.getByText(tool.label)).toBeTruthy();
  });

  test('a tool opens its page, its badge beside it', async () => {
    fakeTransport({ 'dashboard.workbench': { ok: true, data: counts({ wishesToReview: 2 }) } });
    render(<Workbench />);
    fireEvent.click(screen.getByText('活动管理'));
    expect(navigateTo).toHaveBeenCalledWith({ url: `/${ROUTES.staffEvents}` });
    await waitFor(() => expect(rowOf('心愿审核').textContent).toContain('2'));
    fireEvent.click(screen.getByText('心愿审核'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/${ROUTES.staffWishReview}` });
  });
});

test('a bar is its month’s share of the largest month, never below zero', () => {
  const { container } = render(
    <MonthChart title="兑换积分" unit="分" note="" labels={['1月', '2月', '3月']} values={[50, -10, 200]} />,
  );
  const heights = Array.from(
    container.querySelectorAll<HTMLElement>('.llt-chart__bar'),
    (b) => b.style.height,
  );
  expect(heights).toEqual(['25%', '0%', '100%']);
  expect(screen.getByTestId('chart-current').textContent).toContain('本月 200 分');
});
