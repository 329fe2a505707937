import { fireEvent, render, screen } from '@testing-library/react';
import { GoodsCard } from '../../src/components/goods-card';
import { goodsFixture } from './support/fixtures';

function renderCard(overrides: Parameters<typeof goodsFixture>[0] = {}) {
  const goods = goodsFixture(overrides);
  const onOpen = jest.fn();
  render(<GoodsCard goods={goods} onOpen={onOpen} />);
  return { goods, onOpen, card: screen.getByTestId('goods-card') };
}

describe('GoodsCard', () => {
  test('shows the name, the price in 积分, the stock left and the donor', () => {
    const { card } = renderCard({ name: '大米5kg', price: 50, stock: 12, donorName: '惠民超市' });
    expect(screen.getByText('大米5kg')).toBeTruthy();
    expect(screen.getByText('50 积分')).toBeTruthy();
    expect(screen.getByText('剩余 12 件')).toBeTruthy();
    // 「捐赠」 is kept whole (it never wraps as 捐/赠).
    expect(screen.getByText('捐赠').classList.contains('nowrap')).toBe(true);
    expect(screen.getByText('捐赠').parentElement?.textContent).toBe('惠民超市 捐赠');
    expect(card.textContent).not.toContain('已兑完');
    expect(card.classList.contains('goods-card--sold-out')).toBe(false);
  });

  test('no donor: no 捐赠 line', () => {
    const { card } = renderCard({ donorName: '', donorId: '' });
    expect(screen.queryByText(/捐赠/)).toBeNull();
    expect(card.textContent).not.toContain('捐赠');
  });

  test('the last one left is still on offer', () => {
    const { card } = renderCard({ stock: 1 });
    expect(screen.getByText('剩余 1 件')).toBeTruthy();
    expect(card.textContent).not.toContain('已兑完');
    expect(card.classList.contains('goods-card--sold-out')).toBe(false);
  });

  test('stock 0: 已兑完 instead of the stock, and the card is greyed out', () => {
    const { card } = renderCard({ stock: 0 });
    expect(screen.getByText('已兑完')).toBeTruthy();
    expect(card.textContent).not.toContain('剩余');
    expect(card.classList.contains('goods-card--sold-out')).toBe(true);
    expect(card.classList.contains('goods-card')).toBe(true);
  });

  test('with a photo: the image, no placeholder', () => {
    const { card } = renderCard({ name: '爱心围巾', photoUrl: 'https://example.com/scarf.jpg' });
    const image = card.querySelector('taro-image-core');
    expect(image?.getAttribute('src')).toBe('https://example.com/scarf.jpg');
    expect(screen.queryByText('爱心')).toBeNull();
  });

  test('no photo: the first two characters of the name stand in for it', () => {
    const { card } = renderCard({ name: '爱心围巾', photoUrl: '' });
    expect(card.querySelector('taro-image-core')).toBeNull();
    const placeholder = screen.getByText('爱心');
    expect(placeholder.classList.contains('goods-card__photo--empty')).toBe(true);
    expect(screen.getByText('爱心围巾')).toBeTruthy(); // the name is still shown in full
  });

  test('a tap calls onOpen with the goods', () => {
    const { goods, onOpen, card } = renderCard();
    fireEvent.click(card);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(goods);
  });

  test('a tap on the name reaches the card too', () => {
    const { goods, onOpen } = renderCard({ name: '食用油' });
    fireEvent.click(screen.getByText('食用油'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(goods);
  });
});
