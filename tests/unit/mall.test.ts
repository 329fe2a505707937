import fc from 'fast-check';
import {
  DONOR_KINDS,
  DONOR_KIND_LABELS,
  STOCK_CHANGE_KINDS,
  STOCK_CHANGE_KIND_LABELS,
  checkRedeem,
  redeemAllowance,
  redeemCost,
  formatPickupCode,
  normalizePickupCode,
  pickupCodeFrom,
  pickupQrPayload,
  requestFingerprint,
  assertPickable,
  pickupDeadline,
} from '../../core/domain/mall';
import { formatStamp } from '../../core/time';

const goods = { onShelf: true, stock: 5, price: 20, perOrderLimit: 2, perMonthLimit: 3 };

test('a redemption costs price × quantity', () => {
  expect(checkRedeem({ goods, quantity: 2, balance: 40, usedThisMonth: 1 })).toBe(40);
});

test.each([
  [{ goods: { ...goods, onShelf: false }, quantity: 1, balance: 99, usedThisMonth: 0 }, 'OFF_SHELF'],
  [{ goods: { ...goods, stock: 0 }, quantity: 1, balance: 99, usedThisMonth: 0 }, 'OUT_OF_STOCK'],
  [{ goods, quantity: 3, balance: 99, usedThisMonth: 0 }, 'OVER_LIMIT'],
  [{ goods, quantity: 2, balance: 99, usedThisMonth: 2 }, 'OVER_LIMIT'],
  [{ goods, quantity: 1, balance: 19, usedThisMonth: 0 }, 'POINTS_INSUFFICIENT'],
])('refuses %#', (check, code) => {
  expect(() => checkRedeem(check)).toThrow(expect.objectContaining({ code }));
});

test('pickup codes avoid look-alike characters and survive loose typing', () => {
  const code = pickupCodeFrom(new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253]));
  expect(code).toMatch(/^[A-HJKMNP-Z2-8]{8}$/);
  expect(normalizePickupCode(` ${formatPickupCode(code).toLowerCase()} `)).toBe(code);
  expect(normalizePickupCode(pickupQrPayload(code))).toBe(code);
  expect(() => pickupCodeFrom(new Uint8Array(4))).toThrow();
});

test('an order can be picked up only while awaiting and before its deadline', () => {
  expect(() => assertPickable('awaiting_pickup', 100, 99)).not.toThrow();
  expect(() => assertPickable('awaiting_pickup', 100, 100)).toThrow(
    expect.objectContaining({ code: 'ORDER_NOT_PICKABLE' }),
  );
  expect(() => assertPickable('picked_up', 100, 1)).toThrow(
    expect.objectContaining({ code: 'ORDER_NOT_PICKABLE' }),
  );
});

test('request fingerprints ignore key order', () => {
  expect(requestFingerprint({ b: 2, a: 'x' })).toBe(requestFingerprint({ a: 'x', b: 2 }));
  expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
});

describe('redeemAllowance: what the page offers is exactly what checkRedeem accepts', () => {
  const goodsArb = fc.record({
    onShelf: fc.boolean(),
    stock: fc.integer({ min: 0, max: 20 }),
    price: fc.integer({ min: 1, max: 60 }),
    perOrderLimit: fc.integer({ min: 1, max: 5 }),
    perMonthLimit: fc.integer({ min: 1, max: 8 }),
  });

  test('every quantity up to max passes, max + 1 does not, and blocked says why when max is 0', () => {
    fc.assert(
      fc.property(goodsArb, fc.nat(10), fc.nat(300), (g, usedThisMonth, balance) => {
        const { max, monthLeft, blocked } = redeemAllowance(g, usedThisMonth, balance);
        for (let quantity = 1; quantity <= max; quantity += 1)
          expect(() => checkRedeem({ goods: g, quantity, balance, usedThisMonth })).not.toThrow();
        expect(() => checkRedeem({ goods: g, quantity: max + 1, balance, usedThisMonth })).toThrow();
        expect(blocked === '').toBe(max > 0);
        expect(monthLeft).toBe(Math.max(0, g.perMonthLimit - usedThisMonth));
      }),
    );
  });

  test.each([
    [{ ...goods, onShelf: false }, 0, 99, '已下架'],
    [{ ...goods, stock: 0 }, 0, 99, '已兑完'],
    [goods, 3, 99, '本月已达限兑'],
    [goods, 0, 19, '积分不足'],
  ])('blocked %#', (g, used, balance, reason) => {
    expect(redeemAllowance(g, used, balance)).toMatchObject({ max: 0, blocked: reason });
  });

  test('the balance limits the quantity too', () => {
    expect(redeemAllowance(goods, 0, 30)).toEqual({ max: 1, monthLeft: 3, blocked: '' });
    expect(redeemCost(goods.price, 2)).toBe(40);
  });
});

test('labels exist for every donor kind and stock change kind', () => {
  for (const kind of DONOR_KINDS) expect(DONOR_KIND_LABELS[kind]).toMatch(/\S/);
  for (const kind of STOCK_CHANGE_KINDS) expect(STOCK_CHANGE_KIND_LABELS[kind]).toMatch(/\S/);
});

test('a pickup deadline is the end of the last pickup day in community time, whatever the hour of the order', () => {
  const late = Date.UTC(2026, 11, 1, 15, 32); // 23:32 on 1 December in Shanghai
  const early = Date.UTC(2026, 11, 1, 0, 5); // 08:05 the same day
  for (const at of [late, early]) {
    const deadline = pickupDeadline(at, 7);
    expect(formatStamp(deadline)).toBe('2026-12-08 23:59');
    expect(formatStamp(deadline + 1)).toBe('2026-12-09 00:00');
  }
});
