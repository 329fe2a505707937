import { render, screen } from '@testing-library/react';
import { ResultsView } from '@core/contract/votes';
import { sharePercent } from '../../src/components/bar-chart/share';
import { VoteChart } from '../../src/packages/votes/round/vote-chart';

type Item = ResultsView['items'][number];

function entry(rank: number, title: string, votes: number, outcome: Item['outcome']): Item {
  const outcomeLabel = { won: '入选', not_fit: '预算不足未入选', lost: '未入选' }[outcome];
  return ResultsView.shape.items.element.parse({
    proposalId: `p-${rank}`,
    title,
    votes,
    estimatedCost: 1000,
    rank,
    outcome,
    outcomeLabel,
  });
}

const rows = () => screen.getAllByTestId('vote-chart-row');
const widths = () => screen.getAllByTestId('vote-chart-bar').map((bar) => bar.style.width);

describe('VoteChart', () => {
  test('one bar per proposal in the order the rule considered them, the most votes filling the lane', () => {
    const items = [
      entry(1, '加装座椅', 8, 'won'),
      entry(2, '老年送餐', 6, 'not_fit'),
      entry(3, '篮球场划线', 2, 'won'),
      entry(4, '广场电影', 0, 'lost'),
    ];
    render(<VoteChart results={{ items, maxVotes: 8 }} />);
    expect(rows().map((r) => r.textContent)).toEqual([
      '1. 加装座椅入选8 票',
      '2. 老年送餐预算不足未入选6 票',
      '3. 篮球场划线入选2 票',
      '4. 广场电影未入选0 票',
    ]);
    expect(widths()).toEqual(['100%', '75%', '25%', '0%']);
  });

  test('winners are drawn apart from the rest', () => {
    render(
      <VoteChart results={{ items: [entry(1, '甲', 3, 'won'), entry(2, '乙', 1, 'lost')], maxVotes: 3 }} />,
    );
    const bars = screen.getAllByTestId('vote-chart-bar');
    expect(bars[0].classList.contains('llt-chart__bar--brand')).toBe(true);
    expect(bars[1].classList.contains('llt-chart__bar--brand')).toBe(false);
  });

  test('nobody voted: every bar is empty, none is drawn full', () => {
    render(
      <VoteChart results={{ items: [entry(1, '甲', 0, 'lost'), entry(2, '乙', 0, 'lost')], maxVotes: 0 }} />,
    );
    expect(widths()).toEqual(['0%', '0%']);
  });

  test('bar lengths are shares to one decimal, never more than the lane', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(5, 5)).toBe(100);
    expect(sharePercent(7, 5)).toBe(100);
    expect(sharePercent(0, 5)).toBe(0);
    expect(sharePercent(3, 0)).toBe(0);
  });
});
