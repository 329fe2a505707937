import { fireEvent, render, screen } from '@testing-library/react';
import { FeatureEntry, type Feature } from '../../src/components/feature-entry';

const wishes: Feature = { key: 'wishes', name: '微心愿', description: '帮邻居圆一个小小心愿', route: null };

describe('FeatureEntry', () => {
  test('a feature without a route is marked 即将开放', () => {
    render(<FeatureEntry feature={wishes} onOpen={jest.fn()} />);
    const entry = screen.getByTestId('entry-wishes');
    expect(entry.textContent).toContain('微心愿');
    expect(entry.textContent).toContain('帮邻居圆一个小小心愿');
    expect(entry.textContent).toContain('即将开放');
  });

  test('an open feature carries no 即将开放 badge', () => {
    render(<FeatureEntry feature={{ ...wishes, route: 'events' }} onOpen={jest.fn()} />);
    const entry = screen.getByTestId('entry-wishes');
    expect(entry.textContent).toContain('微心愿');
    expect(entry.textContent).not.toContain('即将开放');
  });

  test('a tap calls onOpen with the feature', () => {
    const onOpen = jest.fn();
    render(<FeatureEntry feature={wishes} onOpen={onOpen} />);
    fireEvent.click(screen.getByText('微心愿'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(wishes);
  });
});
