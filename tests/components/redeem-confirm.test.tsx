import { act, fireEvent, render, screen, waitForElementToBeRemoved } from '@testing-library/react';
import { RedeemConfirm } from '../../src/components/redeem-confirm';
import { goodsFixture } from './support/fixtures';
import { ignoreLibraryWarnings } from './support/library-warnings';

// NutUI 2.7.15's UMD build animates the Dialog with a react-transition-group that calls findDOMNode.
ignoreLibraryWarnings(/findDOMNode is deprecated/);

const rice = goodsFixture({
  name: '大米5kg',
  price: 50,
  pickupPlace: '社区服务中心一楼',
  pickupHours: '周一至周五 9:00-17:00',
});

type Props = Parameters<typeof RedeemConfirm>[0];

function renderConfirm(overrides: Partial<Props> = {}) {
  const props: Props = {
    visible: true,
    goods: rice,
    quantity: 2,
    balance: 300,
    busy: false,
    onConfirm: jest.fn(),
    onCancel: jest.fn(),
    ...overrides,
  };
  const view = render(<RedeemConfirm {...props} />);
  return { ...view, props };
}

const confirmButton = (name: string | RegExp = '确认兑换') => screen.getByRole('button', { name });
const isDisabled = (button: HTMLElement) => button.classList.contains('nut-button-disabled');

/** Click and let the Dialog's async confirm handler finish inside act(). */
async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('RedeemConfirm', () => {
  test('visible: what, how many, the cost, what is left and where to pick it up', () => {
    renderConfirm({ quantity: 2, balance: 300 });
    expect(screen.getByTestId('redeem-confirm')).toBeTruthy();
    expect(screen.getByText('大米5kg × 2')).toBeTruthy();
    expect(screen.getByText('消耗积分：100')).toBeTruthy();
    expect(screen.getByText('兑换后剩余：200 分')).toBeTruthy();
    expect(screen.getByText('领取：社区服务中心一楼（周一至周五 9:00-17:00）')).toBeTruthy();
    expect(screen.queryByText(/积分不足/)).toBeNull();
    expect(isDisabled(confirmButton())).toBe(false);
  });

  test('spending the whole balance is allowed: 剩余 0 分 and the confirm button works', () => {
    renderConfirm({ quantity: 2, balance: 100 });
    expect(screen.getByText('兑换后剩余：0 分')).toBeTruthy();
    expect(screen.queryByText(/积分不足/)).toBeNull();
    expect(isDisabled(confirmButton())).toBe(false);
  });

  test('balance short: 积分不足 with the gap, and confirm is disabled and does nothing', async () => {
    const { props } = renderConfirm({ quantity: 2, balance: 70 });
    expect(screen.getByText('积分不足，还差 30 分')).toBeTruthy();
    expect(screen.queryByText(/兑换后剩余/)).toBeNull();
    const confirm = confirmButton();
    expect(isDisabled(confirm)).toBe(true);
    await click(confirm);
    expect(props.onConfirm).not.toHaveBeenCalled();
  });

  test('one point short is still short', () => {
    renderConfirm({ quantity: 2, balance: 99 });
    expect(screen.getByText('积分不足，还差 1 分')).toBeTruthy();
    expect(isDisabled(confirmButton())).toBe(true);
  });

  test('确认兑换 calls onConfirm once and not onCancel', async () => {
    const { props } = renderConfirm();
    await click(confirmButton());
    expect(props.onConfirm).toHaveBeenCalledTimes(1);
    expect(props.onCancel).not.toHaveBeenCalled();
  });

  test('再想想 calls onCancel once and not onConfirm', async () => {
    const { props } = renderConfirm();
    await click(screen.getByRole('button', { name: '再想想' }));
    expect(props.onCancel).toHaveBeenCalledTimes(1);
    expect(props.onConfirm).not.toHaveBeenCalled();
  });

  test('busy: the button reads 兑换中… and is disabled', async () => {
    const { props } = renderConfirm({ busy: true, balance: 300 });
    expect(screen.queryByRole('button', { name: '确认兑换' })).toBeNull();
    const confirm = confirmButton('兑换中…');
    expect(isDisabled(confirm)).toBe(true);
    await click(confirm);
    expect(props.onConfirm).not.toHaveBeenCalled();
  });

  test('not visible: none of the content is in the document', () => {
    renderConfirm({ visible: false });
    expect(screen.queryByTestId('redeem-confirm')).toBeNull();
    expect(screen.queryByText('消耗积分：100')).toBeNull();
    expect(screen.queryByRole('button', { name: '确认兑换' })).toBeNull();
  });

  test('closing removes the content once the Dialog’s exit animation ends', async () => {
    const { props, rerender } = renderConfirm();
    expect(screen.getByTestId('redeem-confirm')).toBeTruthy();
    rerender(<RedeemConfirm {...props} visible={false} />);
    await waitForElementToBeRemoved(() => screen.queryByTestId('redeem-confirm'));
  });
});
