import { act, render, screen } from '@testing-library/react';
import { BarChart, type ChartBar, type ChartSeries } from '../../src/components/bar-chart';
import { useSettings } from '../../src/stores/settings';

const SERIES: ChartSeries[] = [
  { name: '获得', unit: '分', tone: 'green' },
  { name: '使用', unit: '分', tone: 'brand' },
];
const BARS: ChartBar[] = [
  { key: '2026-10', label: '10月', values: [0, 0] },
  { key: '2026-11', label: '11月', values: [20, 5] },
  { key: '2026-12', label: '12月', values: [40, 0] },
];

const columns = () => screen.getAllByTestId('chart-row');
const heights = () => screen.getAllByTestId('chart-bar').map((bar) => bar.style.height);

afterEach(() => act(() => useSettings.getState().setCareMode(false)));

describe('BarChart in columns (积分明细, 服务记录, 数据看板)', () => {
  test('each figure stands above its own bar, an empty month shows none, the largest fills the column', () => {
    render(<BarChart bars={BARS} series={SERIES} layout="columns" />);
    const figures = columns().map((column) =>
      Array.from(column.querySelectorAll('.llt-chart__value')).map((v) => v.textContent),
    );
    expect(figures).toEqual([
      ['', ''],
      ['20', '5'],
      ['40', ''],
    ]);
    expect(columns().map((c) => c.querySelector('.llt-chart__label')?.textContent)).toEqual([
      '10月',
      '11月',
      '12月',
    ]);
    expect(heights()).toEqual(['0%', '0%', '50%', '12.5%', '100%', '0%']);
    expect(screen.getByText('获得')).toBeTruthy();
    expect(screen.getByText('使用')).toBeTruthy();
  });

  test('关怀模式 draws the months as rows with their figures and units', () => {
    act(() => useSettings.getState().setCareMode(true));
    render(<BarChart bars={BARS} series={SERIES} layout="columns" />);
    expect(document.querySelector('.llt-chart__columns')).toBeNull();
    expect(columns()[1].textContent).toContain('20 分');
    expect(columns()[1].textContent).toContain('5 分');
  });
});
