import { certificateLayout, servicePeriod } from '../../src/pages/me/certificate/layout';
import { CARD_WIDTH, wrap, xFor } from '../../src/services/card-image';

const rows = [
  { title: '楼道清洁志愿服务', startAt: Date.UTC(2026, 10, 28, 1), minutes: 150 },
  { title: '重阳节敬老服务', startAt: Date.UTC(2026, 9, 29, 1), minutes: 180 },
];

test('the image states what 民政部令第67号 asks for: name, period, content, hours, organiser', () => {
  const { lines, height } = certificateLayout(
    { realName: '李强', rows, totalMinutes: 330 },
    Date.UTC(2026, 11, 1, 2),
  );
  const text = lines.map((l) => l.text).join('');
  expect(text).toContain('李强');
  expect(text).toContain('2026年10月29日至2026年11月28日');
  expect(text).toContain('2026年11月28日 楼道清洁志愿服务（2.5 小时）');
  expect(text).toContain('累计服务时长 5.5 小时');
  expect(text).toContain('幸福里社区居民委员会');
  expect(text).toContain('2026年12月1日');
  // Lines go down the card and the card is tall enough for them.
  const ys = lines.map((l) => l.y);
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  expect(height).toBeGreaterThan(Math.max(...ys));
});

test('long histories are summarised, not drawn off the card', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({
    title: `活动${i}`,
    startAt: Date.UTC(2026, 0, i + 1),
    minutes: 60,
  }));
  const { lines } = certificateLayout(
    { realName: '李强', rows: many, totalMinutes: 1800 },
    Date.UTC(2026, 1, 1),
  );
  expect(lines.filter((l) => l.text.startsWith('2026年1月'))).toHaveLength(12);
  expect(lines.map((l) => l.text)).toContain('……等共 30 次');
});

test('helpers', () => {
  expect(wrap('一二三四五', 2)).toEqual(['一二', '三四', '五']);
  expect(servicePeriod([])).toBe('—');
  expect([xFor('left'), xFor('center'), xFor('right')]).toEqual([48, CARD_WIDTH / 2, CARD_WIDTH - 48]);
});
