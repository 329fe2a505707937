/**
 * 操作记录 holds every staff act, not only those for a resident: the shelf (goods, stock,
 * donors, the pickup setting) and the events calendar too, each written in the act's own
 * transaction, once — a retried restock adds no second record.
 */
import { AUDIT, type AuditFields } from '../../cloudfunctions/runtime/audit';
import { findAll } from '../../cloudfunctions/runtime/db';
import { editInput, publishedEvent } from '../support/events';
import { STAFF, createGoods } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

let cloud: TestCloud;
let staffId: string;

beforeEach(async () => {
  cloud = startTestCloud();
  staffId = await cloud.addUser(STAFF, ['staff'], '王主任');
});
afterEach(() => cloud.close());

const trail = async () =>
  (await findAll<AuditFields>(cloud.deps.db.collection(AUDIT).orderBy('at', 'asc'), 1000)).map((e) => [
    e.action,
    e.type,
    e.actorId,
    e.detail,
  ]);

test('the shelf: goods created and edited, on and off the shelf, restocked once, donors and the setting', async () => {
  // A minute between acts: the trail reads newest first.
  const later = () => cloud.clock.advance(60_000);
  const donor = await cloud.ok(STAFF, 'mall', 'saveDonor', { name: '幸福里超市', kind: 'merchant' });
  later();
  await cloud.ok(STAFF, 'mall', 'saveDonor', { donorId: donor.id, name: '幸福里生鲜超市', kind: 'merchant' });
  later();
  const goods = await createGoods(cloud, { donorId: donor.id });
  later();
  await createGoods(cloud, { goodsId: goods.id, name: '大米10kg' });
  later();
  await cloud.ok(STAFF, 'mall', 'setShelf', { goodsId: goods.id, onShelf: false });
  later();
  await cloud.ok(STAFF, 'mall', 'setShelf', { goodsId: goods.id, onShelf: true });
  later();
  const restock = { goodsId: goods.id, delta: 5, reason: '超市再捐', requestId: 'restock-1' };
  await Promise.all([
    cloud.ok(STAFF, 'mall', 'restock', restock),
    cloud.ok(STAFF, 'mall', 'restock', restock),
  ]);
  later();
  await cloud.ok(STAFF, 'mall', 'saveSettings', { pickupDays: 5 });

  expect(await trail()).toEqual([
    ['mall.donor_create', 'mall', staffId, '幸福里超市'],
    ['mall.donor_edit', 'mall', staffId, '幸福里生鲜超市'],
    ['mall.goods_create', 'mall', staffId, '大米5kg，库存 10'],
    ['mall.goods_edit', 'mall', staffId, '大米10kg'],
    ['mall.shelf_off', 'mall', staffId, '大米10kg'],
    ['mall.shelf_on', 'mall', staffId, '大米10kg'],
    ['mall.restock', 'mall', staffId, '大米10kg +5：超市再捐'],
    ['mall.settings', 'mall', staffId, '取货期限 5 天'],
  ]);
  const page = await cloud.ok(STAFF, 'dashboard', 'audit', { type: 'mall', limit: 50 });
  expect(page.items.map((e) => e.actionLabel)).toEqual([
    '修改取货期限',
    '调整库存',
    '物品上架',
    '物品下架',
    '修改物品',
    '上架新物品',
    '修改捐赠单位',
    '新增捐赠单位',
  ]);
});

test('a refused act leaves no record', async () => {
  const goods = await createGoods(cloud);
  const before = await trail();
  expect(
    await cloud.call(STAFF, 'mall', 'restock', {
      goodsId: goods.id,
      delta: -99,
      reason: '盘点',
      requestId: 'restock-refused',
    }),
  ).toMatchObject({ ok: false, code: 'STOCK_NEGATIVE' });
  expect(await cloud.call(STAFF, 'mall', 'setShelf', { goodsId: 'g-missing', onShelf: false })).toMatchObject(
    {
      ok: false,
      code: 'NOT_FOUND',
    },
  );
  expect(await trail()).toEqual(before);
});

test('events: created, published and edited', async () => {
  const event = await publishedEvent(cloud, { title: '楼道清扫' });
  await cloud.ok(
    STAFF,
    'events',
    'save',
    editInput(event, { title: '楼道清扫（改）', capacity: event.capacity + 5 }),
  );
  expect((await trail()).map(([action, type, , detail]) => [action, type, detail])).toEqual([
    ['event.create', 'event', '楼道清扫'],
    ['event.publish', 'event', '楼道清扫'],
    ['event.edit', 'event', '楼道清扫（改）'],
  ]);
});
