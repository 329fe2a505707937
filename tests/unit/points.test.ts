import { EMPTY_TOTALS, applyEntry, describeEntry, groupByMonth, rankRows } from '../../core/domain/points';

test('balance = earned − spent; refunds undo spending; never below zero', () => {
  let totals = applyEntry(EMPTY_TOTALS, 30, 'service');
  totals = applyEntry(totals, -20, 'redeem');
  expect(totals).toEqual({ balance: 10, earned: 30, spent: 20, opening: 0 });
  totals = applyEntry(totals, 20, 'refund');
  expect(totals).toEqual({ balance: 30, earned: 30, spent: 0, opening: 0 });
  expect(() => applyEntry(totals, -31, 'adjust')).toThrow(
    expect.objectContaining({ code: 'POINTS_INSUFFICIENT' }),
  );
  expect(() => applyEntry(totals, 0, 'adjust')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  expect(() => applyEntry(totals, 1.5, 'adjust')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
});

test('an opening balance carried over from paper is in the balance, not in what was earned here', () => {
  let totals = applyEntry(EMPTY_TOTALS, 120, 'opening');
  expect(totals).toEqual({ balance: 120, earned: 0, spent: 0, opening: 120 });
  totals = applyEntry(totals, -50, 'redeem');
  expect(totals).toEqual({ balance: 70, earned: 0, spent: 50, opening: 120 });
  expect(totals.opening + totals.earned - totals.spent).toBe(totals.balance);
  expect(() => applyEntry(totals, -5, 'opening')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  // Accounts written before opening balances existed have no such field.
  const legacy = { balance: 10, earned: 10, spent: 0 } as unknown as typeof EMPTY_TOTALS;
  expect(applyEntry(legacy, 5, 'service')).toEqual({ balance: 15, earned: 15, spent: 0, opening: 0 });
});

test('each entry reads as plain Chinese', () => {
  expect(describeEntry({ kind: 'redeem', reason: '大米5kg ×1' })).toBe('兑换：大米5kg ×1');
  expect(describeEntry({ kind: 'adjust', reason: '补录' })).toBe('工作人员调整：补录');
  expect(describeEntry({ kind: 'service', reason: '' })).toBe('志愿服务');
});

test('history groups by community-time month, newest first, with each month’s net change', () => {
  const entries = [
    { id: 'a', amount: 10, createdAt: Date.UTC(2026, 9, 31, 15, 0) }, // 2026-10-31 23:00 Shanghai
    { id: 'b', amount: -4, createdAt: Date.UTC(2026, 9, 31, 17, 0) }, // 2026-11-01 01:00 Shanghai
    { id: 'c', amount: 6, createdAt: Date.UTC(2026, 10, 20, 2, 0) },
  ];
  const groups = groupByMonth(entries);
  expect(groups.map((g) => [g.label, g.entries.map((e) => e.id), g.net])).toEqual([
    ['2026年11月', ['c', 'b'], 2],
    ['2026年10月', ['a'], 10],
  ]);
});

test('ranking shares places on ties and leaves out zero', () => {
  const ranked = rankRows([
    { userId: 'a', points: 5 },
    { userId: 'b', points: 9 },
    { userId: 'c', points: 5 },
    { userId: 'd', points: 1 },
    { userId: 'e', points: 0 },
  ]);
  expect(ranked.map((r) => [r.userId, r.rank])).toEqual([
    ['b', 1],
    ['a', 2],
    ['c', 2],
    ['d', 4],
  ]);
});
