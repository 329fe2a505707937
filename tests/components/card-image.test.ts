/**
 * The 双报到服务记录 image says what the workplace party organisation asks for, and saving a card
 * in the mini-program leads a person who declined the album permission to the settings.
 */
import Taro from '@tarojs/taro';
import { CARD_MARGIN, CARD_WIDTH, saveCardImage, type TextLine } from '../../src/services/card-image';
import { partyRecordLayout, type PartyRecord } from '../../src/packages/wishes/record/layout';

const record: PartyRecord = {
  member: '陈建国',
  partyOrg: '区税务局第一党支部',
  workplace: '区税务局',
  year: 2026,
  from: Date.UTC(2025, 11, 31, 16),
  to: Date.UTC(2026, 10, 30, 4),
  years: [2026],
  wishes: [
    { kind: 'wish', kindLabel: '微心愿', title: '家里的台灯坏了', at: Date.UTC(2026, 10, 20, 2), minutes: 0 },
  ],
  events: [
    { kind: 'event', kindLabel: '志愿活动', title: '楼道清洁', at: Date.UTC(2026, 9, 10, 1), minutes: 150 },
  ],
  totals: { wishes: 1, events: 1, minutes: 150, hoursLabel: '2.5 小时' },
  communityName: '幸福里社区',
  organiser: '幸福里社区居民委员会',
  issuedAt: Date.UTC(2026, 10, 30, 4),
};

test('the record image names the member, party organisation, period, wishes, events, hours and community', () => {
  const { lines, height } = partyRecordLayout(record);
  const text = lines.map((l) => l.text).join('\n');
  for (const part of [
    '双报到服务记录',
    '2026年度',
    '党员：陈建国',
    '所在党组织：区税务局第一党支部',
    '工作单位：区税务局',
    '服务期间：2026年1月1日至2026年11月30日',
    '2026年11月20日 家里的台灯坏了',
    '2026年10月10日 楼道清洁（2.5 小时）',
    '幸福里社区居民委员会',
  ])
    expect(text).toContain(part);
  expect(text.replace(/\n/g, '')).toContain(
    '完成微心愿 1 件，参加志愿服务活动 1 次，累计服务时长 2.5 小时。',
  );
  const ys = lines.map((l) => l.y);
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  expect(height).toBeGreaterThan(Math.max(...ys));
  // Nothing runs off the card: a Chinese character is a square, a digit or letter about half one.
  const width = (l: TextLine) =>
    Array.from(l.text).reduce((w, ch) => w + (ch < '\u2000' ? 0.55 : 1), 0) * l.size;
  const fits = (card: { lines: TextLine[] }) =>
    card.lines.filter((l) => width(l) > CARD_WIDTH - 2 * CARD_MARGIN).map((l) => l.text);
  expect(fits({ lines })).toEqual([]);
  const long = '很长很长的名字'.repeat(5);
  const wrapped = partyRecordLayout({
    ...record,
    partyOrg: long,
    wishes: [{ ...record.wishes[0], title: long.slice(0, 30) }],
  });
  expect(fits(wrapped)).toEqual([]);
  expect(wrapped.lines.map((l) => l.text).join('')).toContain(long);
});

describe('saving in the mini-program', () => {
  const weapp = Taro as unknown as Record<string, unknown>;
  const added = ['canvasToTempFilePath', 'saveImageToPhotosAlbum', 'openSetting'];
  let env: typeof process.env.TARO_ENV;
  const canvas = { width: 0, height: 0, getContext: () => new Proxy({}, { get: () => () => undefined }) };
  let select: unknown;

  beforeEach(() => {
    env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    select = weapp.createSelectorQuery;
    weapp.createSelectorQuery = () => {
      const query = {
        select: () => query,
        fields: () => query,
        exec: (cb: (r: unknown[]) => void) => cb([{ node: canvas }]),
      };
      return query;
    };
    weapp.canvasToTempFilePath = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/card.png' }));
    weapp.openSetting = jest.fn(async () => ({ authSetting: {} }));
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
    weapp.createSelectorQuery = select;
    for (const name of added) delete weapp[name];
  });

  test('a saved card says 已保存', async () => {
    weapp.saveImageToPhotosAlbum = jest.fn(async () => ({ errMsg: 'saveImageToPhotosAlbum:ok' }));
    expect(await saveCardImage(partyRecordLayout(record), 'x.png')).toBe('saved');
    expect(weapp.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/card.png' });
    expect(canvas.width).toBe(CARD_WIDTH * 2);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
  });

  test('a declined album permission offers the settings, and opens them when asked', async () => {
    weapp.saveImageToPhotosAlbum = jest.fn(async () => {
      throw { errMsg: 'saveImageToPhotosAlbum:fail auth deny' };
    });
    expect(await saveCardImage(partyRecordLayout(record), 'x.png')).toBe('denied');
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }),
    );
    expect(weapp.openSetting).toHaveBeenCalledTimes(1);
  });

  test('closing the prompt is no failure and opens nothing', async () => {
    weapp.saveImageToPhotosAlbum = jest.fn(async () => {
      throw { errMsg: 'saveImageToPhotosAlbum:fail cancel' };
    });
    expect(await saveCardImage(partyRecordLayout(record), 'x.png')).toBe('cancelled');
    expect(weapp.openSetting).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
