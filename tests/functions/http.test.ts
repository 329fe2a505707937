/** The local cloud's HTTP surface: identity per request, the dev endpoints, image uploads. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../server/http';
import { RISKY_IMAGE_MARKER, judgeLocalImage } from '../../server/ports';
import { startTestCloud, type TestCloud } from '../support/test-cloud';

let cloud: TestCloud;
let app: FastifyInstance;
let base: string;
let uploadsDir: string;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6a32c0000000049454e44ae426082',
  'hex',
);

beforeEach(async () => {
  cloud = startTestCloud();
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-uploads-'));
  app = createHttpServer(cloud, { uploadsDir });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  await cloud.addUser('wx-li', ['volunteer']);
});
afterEach(async () => {
  await app.close();
  cloud.close();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
});

test('identity comes from the x-dev-openid header of each request', async () => {
  const post = (fn: string, body: object, openid?: string) =>
    fetch(`${base}/cloud/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  expect(await post('user', { action: 'login', input: {} }, 'wx-li')).toMatchObject({
    ok: true,
    data: { user: { roles: ['resident', 'volunteer'] } },
  });
  expect(await post('user', { action: 'login', input: {} })).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
  });
  expect(await post('nope', { action: 'x' }, 'wx-li')).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
});

test('the dev login page lists the demo users', async () => {
  const users = (await (await fetch(`${base}/dev/users`)).json()) as { openid: string }[];
  expect(users.map((u) => u.openid)).toContain('demo-staff-wang');
});

test('registered users upload images; the URL serves them back; others and non-images are refused', async () => {
  const upload = (headers: Record<string, string>, body: Buffer | string, folder = 'avatars') =>
    fetch(`${base}/local-storage/${folder}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const res = await upload({ 'content-type': 'image/png', 'x-dev-openid': 'wx-li' }, PNG);
  expect(res.status).toBe(200);
  const answer = (await res.json()) as { ok: true; data: { url: string } };
  expect(answer.ok).toBe(true);
  const { url } = answer.data;
  expect(url).toMatch(/^\/uploads\/avatars\/[0-9a-f]{24}\.png$/);
  const served = Buffer.from(await (await fetch(`${base}${url}`)).arrayBuffer());
  expect(served.equals(PNG)).toBe(true);

  const anonymous = await upload({ 'content-type': 'image/png' }, PNG);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  expect((await upload({ 'content-type': 'image/png', 'x-dev-openid': 'wx-stranger' }, PNG)).status).toBe(
    401,
  );
  expect(
    (await upload({ 'content-type': 'image/png', 'x-dev-openid': 'wx-li' }, PNG, 'secrets')).status,
  ).toBe(415);
  expect((await upload({ 'content-type': 'text/plain', 'x-dev-openid': 'wx-li' }, 'hello')).status).toBe(415);

  // And the profile accepts the stored image, but not an address from elsewhere.
  expect(
    await cloud.call('wx-li', 'user', 'updateProfile', { nickname: '李', avatarUrl: url }),
  ).toMatchObject({ ok: true });
  expect(
    await cloud.call('wx-li', 'user', 'updateProfile', {
      nickname: '李',
      avatarUrl: 'https://evil.example/x.png',
    }),
  ).toMatchObject({
    code: 'INVALID_INPUT',
    message: '图片地址无效',
  });
});

test('a wish photo uploaded with the risky marker is judged risky by the local image check', async () => {
  const upload = (body: Buffer) =>
    fetch(`${base}/local-storage/wishes`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-dev-openid': 'wx-li' },
      body: new Uint8Array(body),
    }).then(async (r) => ((await r.json()) as { data: { url: string } }).data);
  const plain = await upload(PNG);
  const risky = await upload(Buffer.concat([PNG, Buffer.from(RISKY_IMAGE_MARKER)]));
  expect(plain.url).toMatch(/^\/uploads\/wishes\/[0-9a-f]{24}\.png$/);
  expect(risky.url).toMatch(/^\/uploads\/wishes\/risky-[0-9a-f]{24}\.png$/);
  expect([judgeLocalImage(plain.url), judgeLocalImage(risky.url)]).toEqual(['pass', 'risky']);
});

describe('every reply is the envelope, whatever arrives', () => {
  const raw = (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    fn = 'user',
  ) =>
    fetch(`${base}/cloud/${fn}`, {
      method: 'POST',
      headers: { 'x-dev-openid': 'wx-li', ...headers },
      body,
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { ok: boolean; code?: string; message?: string },
    }));

  it.each([
    ['malformed JSON', '{"action": "login", ', 400],
    ['an empty body', '', 400],
    ['a __proto__ key', '{"action":"login","input":{"__proto__":{"admin":true}}}', 400],
    ['a constructor.prototype key', '{"action":"login","constructor":{"prototype":{"admin":true}}}', 400],
    [
      'a body over the limit',
      JSON.stringify({ action: 'login', input: { pad: 'x'.repeat(200 * 1024) } }),
      413,
    ],
  ])('%s → INVALID_INPUT with a Chinese message', async (_label, body, status) => {
    const res = await raw(body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
  });

  it('a wrong content type → INVALID_INPUT, and the function never runs', async () => {
    const before = await cloud.count('users');
    const res = await raw(
      JSON.stringify({ action: 'login', input: {} }),
      { 'content-type': 'text/plain' },
      'user',
    );
    expect(res).toMatchObject({ status: 415, body: { ok: false, code: 'INVALID_INPUT' } });
    const form = await raw('action=login', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({ status: 415, body: { ok: false, code: 'INVALID_INPUT' } });
    expect(await cloud.count('users')).toBe(before);
  });

  it('bodies that are JSON but not a request → UNKNOWN_ACTION', async () => {
    for (const body of ['[]', '"login"', 'null', '42', '{"input":{}}', '{"action":42}']) {
      expect((await raw(body)).body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    }
  });

  it('unknown and over-long function names, and unknown paths → UNKNOWN_FUNCTION', async () => {
    expect((await raw('{"action":"login"}', undefined, 'nope')).body).toMatchObject({
      ok: false,
      code: 'UNKNOWN_FUNCTION',
    });
    const long = await raw('{"action":"login"}', undefined, 'x'.repeat(5000));
    expect(long.body).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
    const get = await fetch(`${base}/cloud/user`).then((r) => r.json());
    expect(get).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
  });
});

describe('/dev/outbox', () => {
  it('shows a resident only their own messages, staff everyone’s, nobody without an identity', async () => {
    const li = await cloud.ok('wx-li', 'user', 'login', {});
    const zhou = await cloud.addUser('wx-zhou');
    await cloud.addUser('wx-wang', ['staff']);
    await cloud.notify({ userId: li.user.id, template: 't', title: '给李的消息', body: '' });
    await cloud.notify({ userId: zhou, template: 't', title: '给周的消息', body: '' });
    const outbox = (openid?: string) =>
      fetch(`${base}/dev/outbox`, { headers: openid ? { 'x-dev-openid': openid } : {} }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { title: string }[] | { ok: false; code: string },
      }));
    expect((await outbox('wx-li')).body).toEqual([expect.objectContaining({ title: '给李的消息' })]);
    expect(((await outbox('wx-wang')).body as { title: string }[]).map((m) => m.title).sort()).toEqual([
      '给周的消息',
      '给李的消息',
    ]);
    expect(await outbox()).toEqual({
      status: 401,
      body: expect.objectContaining({ ok: false, code: 'UNAUTHENTICATED' }),
    });
    expect((await outbox('wx-stranger')).status).toBe(401);
  });
});
