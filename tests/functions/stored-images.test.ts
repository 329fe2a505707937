/**
 * Pictures staff attach (goods photos, event covers) are files this app stored — a cloud file id
 * or a local upload — never an address elsewhere: a resident's phone would fetch it from a host
 * nobody checked. A refused picture writes nothing.
 */
import { GOODS } from '../../cloudfunctions/mall/store';
import { EVENTS } from '../../cloudfunctions/events/store';
import { editInput, publishedEvent, STAFF } from '../support/events';
import { createGoods } from '../support/mall';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

let cloud: TestCloud;

beforeEach(async () => {
  cloud = startTestCloud();
  await cloud.addUser(STAFF, ['staff'], '王主任');
});
afterEach(() => cloud.close());

const FOREIGN = [
  'https://img.example.com/eggs.jpg',
  'http://127.0.0.1/x.jpg',
  'javascript:alert(1)',
  'eggs.jpg',
];

test('goods keep a stored photo, and refuse one from elsewhere', async () => {
  const goods = await createGoods(cloud, { photoUrl: '/uploads/goods/eggs.jpg' });
  expect(goods.photoUrl).toBe('/uploads/goods/eggs.jpg');
  const cloudFile = await createGoods(cloud, { photoUrl: 'cloud://env-1.abc/goods/rice.jpg' });
  expect(cloudFile.photoUrl).toBe('cloud://env-1.abc/goods/rice.jpg');
  for (const photoUrl of FOREIGN) {
    const res = await cloud.call(STAFF, 'mall', 'saveGoods', {
      name: '洗衣液',
      price: 20,
      perOrderLimit: 1,
      perMonthLimit: 2,
      pickupPlace: '社区服务中心',
      pickupHours: '工作日 9:00-17:00',
      onShelf: true,
      photoUrl,
    });
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('图片地址无效'),
    });
  }
  expect(await cloud.count(GOODS)).toBe(2);
});

test('an event keeps a stored cover, and refuses one from elsewhere', async () => {
  const event = await publishedEvent(cloud, { coverUrl: '/uploads/events/stairs.jpg' });
  expect(event.coverUrl).toBe('/uploads/events/stairs.jpg');
  for (const coverUrl of FOREIGN) {
    const res = await cloud.call(STAFF, 'events', 'save', editInput(event, { coverUrl }));
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  }
  expect((await cloud.ok(STAFF, 'events', 'get', { eventId: event.id })).coverUrl).toBe(
    '/uploads/events/stairs.jpg',
  );
  expect(await cloud.count(EVENTS)).toBe(1);
});
