import {
  checkRedeem,
  formatPickupCode,
  normalizePickupCode,
  pickupCodeFrom,
  pickupQrPayload,
  requestFingerprint,
  assertPickable,
} from '../../core/domain/mall';

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
