import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MenuItemView, type ProposalId, type RoundView } from '@core/contract/votes';
import { BallotPicker } from '../../src/components/ballot-picker';

/** A menu entry as `votes.round` answers it; parsed so a contract change breaks it here. */
function item(id: string, title: string, estimatedCost: number | null, hidden = false) {
  return MenuItemView.parse({
    proposalId: id,
    title,
    description: '',
    category: 'environment',
    estimatedCost,
    supportCount: 3,
    hidden,
  });
}

const MENU = [
  item('p-bench', '加装座椅', 6000),
  item('p-lights', '更换感应灯', 5000),
  item('p-movie', '广场电影', 3000),
  item('p-hidden', '该提议已被隐藏', 1000, true),
];

/** The picker as a page holds it: the choices in state, and every change recorded. */
function Picker({ rule, onChange }: { rule: RoundView['rule']; onChange(c: ProposalId[]): void }) {
  const [value, setValue] = useState<ProposalId[]>([]);
  return (
    <BallotPicker
      rule={rule}
      menu={MENU}
      value={value}
      onChange={(next) => {
        onChange(next);
        setValue(next);
      }}
    />
  );
}

function renderPicker(rule: RoundView['rule']) {
  const onChange = jest.fn();
  render(<Picker rule={rule} onChange={onChange} />);
  const row = (title: string) =>
    screen.getAllByTestId('ballot-item').find((r) => r.textContent?.includes(title))!;
  const tap = (title: string) => fireEvent.click(row(title));
  const tally = () => screen.getByTestId('ballot-tally').textContent;
  const chosen = () =>
    screen
      .getAllByTestId('ballot-item')
      .filter((r) => r.classList.contains('llt-ballot__item--chosen'))
      .map((r) => r.querySelector('.llt-ballot__title')?.textContent);
  return { onChange, row, tap, tally, chosen };
}

describe('BallotPicker, approval (up to N)', () => {
  test('picks up to N; at the limit the rest cannot be ticked and say why', () => {
    const { onChange, row, tap, tally, chosen } = renderPicker({ kind: 'approval', maxChoices: 2 });
    expect(tally()).toBe('已选 0/2 项');
    tap('加装座椅');
    tap('广场电影');
    expect(tally()).toBe('已选 2/2 项');
    expect(chosen()).toEqual(['加装座椅', '广场电影']);
    expect(row('更换感应灯').textContent).toContain('已达可选上限');
    expect(row('更换感应灯').classList.contains('llt-ballot__item--disabled')).toBe(true);

    onChange.mockClear();
    tap('更换感应灯');
    expect(onChange).not.toHaveBeenCalled();
    expect(chosen()).toEqual(['加装座椅', '广场电影']);
  });

  test('untick one and another may be ticked', () => {
    const { onChange, row, tap, tally, chosen } = renderPicker({ kind: 'approval', maxChoices: 2 });
    tap('加装座椅');
    tap('广场电影');
    tap('加装座椅');
    expect(onChange).toHaveBeenLastCalledWith(['p-movie']);
    expect(tally()).toBe('已选 1/2 项');
    expect(row('更换感应灯').textContent).not.toContain('已达可选上限');
    tap('更换感应灯');
    expect(chosen()).toEqual(['更换感应灯', '广场电影']);
  });

  test('a hidden proposal is never choosable', () => {
    const { onChange, row, tap } = renderPicker({ kind: 'approval', maxChoices: 3 });
    expect(row('该提议已被隐藏').textContent).toContain('不可选');
    tap('该提议已被隐藏');
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('BallotPicker, budget', () => {
  test('a running total against the budget; what no longer fits cannot be ticked', () => {
    const { onChange, row, tap, tally, chosen } = renderPicker({ kind: 'budget', budget: 10000 });
    expect(tally()).toBe('已选合计 0元，预算 1万元，剩余 1万元');
    tap('加装座椅');
    expect(tally()).toBe('已选合计 6000元，预算 1万元，剩余 4000元');
    expect(row('更换感应灯').textContent).toContain('超出剩余预算');
    expect(row('广场电影').textContent).not.toContain('超出剩余预算');

    onChange.mockClear();
    tap('更换感应灯');
    expect(onChange).not.toHaveBeenCalled();
    tap('广场电影');
    expect(tally()).toBe('已选合计 9000元，预算 1万元，剩余 1000元');
    expect(chosen()).toEqual(['加装座椅', '广场电影']);
  });

  test('spending the budget exactly is allowed', () => {
    const { tap, tally, row } = renderPicker({ kind: 'budget', budget: 11000 });
    tap('加装座椅');
    expect(row('更换感应灯').textContent).not.toContain('超出剩余预算');
    tap('更换感应灯');
    expect(tally()).toBe('已选合计 1.1万元，预算 1.1万元，剩余 0元');
    expect(row('广场电影').textContent).toContain('超出剩余预算');
  });

  test('each proposal shows its estimated cost', () => {
    const { row } = renderPicker({ kind: 'budget', budget: 10000 });
    expect(row('加装座椅').textContent).toContain('估算 6000元');
    expect(row('广场电影').textContent).toContain('估算 3000元');
  });
});
