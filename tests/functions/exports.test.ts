/**
 * Exports: a page at a time until the end, never cut off. 1,000 volunteers' service records
 * (民政部令第67号's fields) go through the pages, the CSV writer and back through an RFC 4180
 * reader with every row, column and Chinese character intact; the ledger, orders and stock
 * changes of one month hold that month only; an event's attendance list is for its leaders.
 */
import type { EventView, ExportPage, UserId } from '../../core/contract';
import { EXPORT_PAGE_MAX } from '../../core/contract/define';
import { ORGANISER_NAME } from '../../core/domain/community';
import { toCsv } from '../../core/domain/csv';
import { SERVICE_RECORD_HEADER, collectExport, type ExportKind } from '../../core/domain/exports';
import { DAY_MS, HOUR_MS, formatStamp, monthKey, monthLabel, monthOfKey } from '../../core/time';
import { PARTICIPATIONS, participationId, type ParticipationFields } from '../../cloudfunctions/events/store';
import { publishedEvent } from '../support/events';
import { createGoods } from '../support/mall';
import { parseCsv } from '../support/csv';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

const STAFF = 'wx-staff';
const LEADER = 'wx-leader';
const OTHER_VOLUNTEER = 'wx-volunteer';
const RESIDENT = 'wx-resident';

/** Names and titles a careless CSV would break: quotes, commas, line breaks, a formula. */
const NAMES = ['王秀英', '李"小"明', '张, 伟', '=SUM(A1)', '欧阳\n娜娜'];
const TITLES = ['清扫楼道，第3期', '敬老院"暖冬"义诊', '垃圾分类宣传\r\n（上午场）', '社区图书角整理'];

let cloud: TestCloud;

beforeAll(() => {
  cloud = startTestCloud();
});
afterAll(() => cloud.close());

const pager =
  (openid: string, kind: ExportKind, from: number, to: number) => (cursor: ExportPage['next'] | undefined) =>
    cloud.ok(openid, 'dashboard', 'export', { kind, from, to, ...(cursor ? { cursor } : {}) });

describe('1,000 service records', () => {
  let from: number;
  let to: number;

  beforeAll(async () => {
    await cloud.addUser(STAFF, ['staff'], '王主任');
    from = cloud.clock.now();
    const events: EventView[] = [];
    for (const [i, title] of TITLES.entries()) {
      events.push(
        await publishedEvent(cloud, {
          title,
          startAt: from + (i + 1) * DAY_MS,
          endAt: from + (i + 1) * DAY_MS + 3 * HOUR_MS,
          signupDeadline: from + i * DAY_MS,
        }),
      );
    }
    to = from + 30 * DAY_MS;
    // The participations as hours confirmation leaves them (1,000 sign-ups and check-ins would
    // test sign-up, not the export): closed, with minutes and points.
    const rows: (ParticipationFields & { _id: string })[] = Array.from({ length: 1000 }, (_, i) => {
      const event = events[i % events.length];
      const userId = `u-export-${String(i).padStart(4, '0')}`;
      return {
        _id: participationId(event.id, userId),
        eventId: event.id,
        userId,
        userName: `${NAMES[i % NAMES.length]}${i}`,
        managed: false,
        status: 'confirmed',
        actedBy: null,
        actedByName: '',
        checkInAt: event.startAt,
        checkInBy: userId,
        checkOutAt: event.endAt,
        checkOutBy: userId,
        closedAt: event.endAt + HOUR_MS,
        closedBy: 'system',
        minutes: 30 + (i % 5) * 30,
        points: 1,
        hoursReason: '',
        remindedAt: null,
        promotedAt: null,
        eventTitle: event.title,
        eventStartAt: event.startAt,
        eventEndAt: event.endAt,
        createdAt: from + i,
        updatedAt: from + i,
      };
    });
    for (let i = 0; i < rows.length; i += 100) {
      await cloud.deps.db.collection(PARTICIPATIONS).add({ data: rows.slice(i, i + 100) });
    }
  });

  test('are read page after page: every page at most a query long, the last says it is the last', async () => {
    const pages: ExportPage[] = [];
    await collectExport(async (cursor) => {
      const page = await pager(STAFF, 'service', from, to)(cursor);
      pages.push(page);
      return page;
    });
    expect(pages.length).toBe(Math.ceil(1000 / EXPORT_PAGE_MAX));
    for (const page of pages) {
      expect(page.rows.length).toBeLessThanOrEqual(EXPORT_PAGE_MAX);
      expect(page.total).toBe(1000);
    }
    expect(pages.slice(0, -1).every((p) => p.next !== null)).toBe(true);
    expect(pages[pages.length - 1].next).toBeNull();
  });

  test('round-trip through CSV with the right columns, every row and the Chinese text intact', async () => {
    const progress: [number, number][] = [];
    const table = await collectExport(pager(STAFF, 'service', from, to), (done, total) =>
      progress.push([done, total]),
    );
    expect(progress[progress.length - 1]).toEqual([1000, 1000]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));

    const csv = toCsv(table.header, table.rows);
    const { bom, records } = parseCsv(csv);
    expect(bom).toBe(true);
    const [header, ...body] = records;
    expect(header).toEqual([...SERVICE_RECORD_HEADER]);
    expect(body).toHaveLength(1000);
    for (const record of body) expect(record).toHaveLength(header.length);

    const column = (name: string) => header.indexOf(name);
    const numbers = body.map((r) => r[column('记录编号')]);
    expect(new Set(numbers).size).toBe(1000);
    const names = new Set(body.map((r) => r[column('志愿者姓名')]));
    expect(names).toContain('李"小"明1');
    expect(names).toContain('张, 伟2');
    expect(names).toContain('欧阳\n娜娜4');
    // A cell a spreadsheet would run as a formula is kept as text.
    expect(names).toContain("'=SUM(A1)3");
    expect(new Set(body.map((r) => r[column('服务内容')]))).toEqual(new Set(TITLES));
    expect(new Set(body.map((r) => r[column('组织单位')]))).toEqual(new Set([ORGANISER_NAME]));
    const hours = body.map((r) => Number(r[column('服务时长（小时）')]));
    expect(hours.reduce((a, b) => a + b, 0)).toBeCloseTo(1000 * 1.5, 5);
    const first = body.find((r) => r[column('志愿者姓名')] === '王秀英0');
    expect(first?.[column('服务开始时间')]).toBe(formatStamp(from + DAY_MS));
  });

  test('a period holds only its own records', async () => {
    const none = await collectExport(pager(STAFF, 'service', from - 30 * DAY_MS, from));
    expect(none.rows).toEqual([]);
    const firstDay = await collectExport(pager(STAFF, 'service', from, from + DAY_MS + 4 * HOUR_MS));
    expect(firstDay.rows).toHaveLength(250);
  });

  test('a period longer than a year, or backwards, is refused', async () => {
    expect(
      await cloud.call(STAFF, 'dashboard', 'export', { kind: 'service', from, to: from + 400 * DAY_MS }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      await cloud.call(STAFF, 'dashboard', 'export', { kind: 'service', from: to, to: from }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

test('the ledger, orders and stock changes of a month hold that month only', async () => {
  const resident = await cloud.addUser(RESIDENT, [], '孙阿姨');
  const goods = await createGoods(cloud, { name: '洗衣液', price: 5, perOrderLimit: 3, perMonthLimit: 9 });
  const month = monthOfKey(monthKey(cloud.clock.now() + 60 * DAY_MS));
  if (!month) throw new Error('no month');
  cloud.clock.set(month.from - HOUR_MS);
  await cloud.ok(STAFF, 'points', 'adjust', {
    userId: resident as UserId,
    amount: 50,
    reason: '上月补录',
    requestId: 'export-adjust-before',
  });
  cloud.clock.set(month.from + HOUR_MS);
  await cloud.ok(STAFF, 'points', 'adjust', {
    userId: resident as UserId,
    amount: 20,
    reason: '本月补录',
    requestId: 'export-adjust-in',
  });
  const order = await cloud.ok(RESIDENT, 'mall', 'redeem', {
    goodsId: goods.id,
    quantity: 2,
    requestId: 'export-order-1',
  });
  cloud.clock.advance(HOUR_MS);
  await cloud.ok(RESIDENT, 'mall', 'cancelOrder', { orderId: order.id });

  const ledger = await collectExport(pager(STAFF, 'ledger', month.from, month.to));
  expect(ledger.rows.map((r) => [r[2], r[3], r[4]])).toEqual([
    ['孙阿姨', '工作人员调整', 20],
    ['孙阿姨', '兑换', -10],
    ['孙阿姨', '退回', 10],
  ]);
  expect(ledger.filename).toBe(`积分明细-${monthLabel(month.from)}.csv`);
  const orders = await collectExport(pager(STAFF, 'orders', month.from, month.to));
  expect(orders.rows).toEqual([
    [order.id, expect.any(String), '孙阿姨', '洗衣液', 2, 10, '已取消', expect.any(String)],
  ]);
  const stock = await collectExport(pager(STAFF, 'stock', month.from, month.to));
  expect(stock.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
    ['洗衣液', '兑换', -2],
    ['洗衣液', '取消退回', 2],
  ]);
});

describe("an event's attendance list", () => {
  let eventId: string;

  beforeAll(async () => {
    const leader = await cloud.addUser(LEADER, ['volunteer'], '李志愿');
    await cloud.addUser(OTHER_VOLUNTEER, ['volunteer'], '赵志愿');
    const event = await publishedEvent(cloud, { title: '楼道清洁', leaderIds: [leader] });
    eventId = event.id;
    await cloud.ok(RESIDENT, 'events', 'signUp', { eventId });
  });

  test('its leader (not staff) exports it, in the order people signed up', async () => {
    const table = await collectExport((cursor) =>
      cloud.ok(LEADER, 'events', 'exportAttendance', { eventId, ...(cursor ? { cursor } : {}) }),
    );
    expect(table.title).toContain('楼道清洁');
    expect(table.rows).toEqual([['孙阿姨', '已报名', '', '', '0 小时', '未确认', '', '', '']]);
  });

  test('another volunteer may not, and a resident is refused by role', async () => {
    expect(await cloud.call(OTHER_VOLUNTEER, 'events', 'exportAttendance', { eventId })).toMatchObject({
      ok: false,
      code: 'NOT_LEADER',
    });
    expect(await cloud.call(RESIDENT, 'events', 'exportAttendance', { eventId })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

test('the 双报到 record of every party member pages like the rest, each line equal to the member’s own record', async () => {
  const year = new Date(cloud.clock.now()).getUTCFullYear();
  const members = Array.from({ length: 130 }, (_, i) => `wx-party-${i}`);
  const ids: UserId[] = [];
  for (const openid of members)
    ids.push(await cloud.addUser(openid, ['party_member'], `党员${openid.slice(9)}`));
  // Served events for some of them this year: closed participations with minutes.
  const event = await publishedEvent(cloud, { title: '双报到共建活动' });
  for (const [i, userId] of ids.entries()) {
    if (i % 3 !== 0) continue;
    await cloud.deps.db
      .collection(PARTICIPATIONS)
      .doc(participationId(event.id, userId))
      .set({
        data: {
          eventId: event.id,
          userId,
          userName: '',
          managed: false,
          status: 'confirmed',
          eventTitle: event.title,
          eventStartAt: event.startAt,
          eventEndAt: event.endAt,
          closedAt: event.endAt,
          minutes: 60 + i,
          points: 1,
          createdAt: cloud.clock.now(),
          updatedAt: cloud.clock.now(),
        },
      });
  }
  const { from, to } = {
    from: Date.UTC(year, 0, 1) - 8 * HOUR_MS,
    to: Date.UTC(year + 1, 0, 1) - 8 * HOUR_MS,
  };
  const pages: ExportPage[] = [];
  const table = await collectExport(async (cursor) => {
    const page = await pager(STAFF, 'party', from, to)(cursor);
    pages.push(page);
    return page;
  });
  expect(pages.length).toBeGreaterThan(1);
  expect(table.rows).toHaveLength(members.length);
  // Each line agrees with the record staff see for that member.
  for (const i of [0, 3, 4, 129]) {
    const own = await cloud.ok(STAFF, 'wishes', 'record', { year, memberId: ids[i] });
    const line = table.rows.find((r) => r[0] === own.members[0].name);
    expect(line?.[4]).toBe(own.members[0].totals.events);
    expect(line?.[5]).toBe(Math.round((own.members[0].totals.minutes / 60) * 10) / 10);
  }
});
