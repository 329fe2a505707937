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
  const { url } = (await res.json()) as { url: string };
  expect(url).toMatch(/^\/uploads\/avatars\/[0-9a-f]{24}\.png$/);
  const served = Buffer.from(await (await fetch(`${base}${url}`)).arrayBuffer());
  expect(served.equals(PNG)).toBe(true);

  expect((await upload({ 'content-type': 'image/png' }, PNG)).status).toBe(401);
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
    }).then((r) => r.json() as Promise<{ url: string }>);
  const plain = await upload(PNG);
  const risky = await upload(Buffer.concat([PNG, Buffer.from(RISKY_IMAGE_MARKER)]));
  expect(plain.url).toMatch(/^\/uploads\/wishes\/[0-9a-f]{24}\.png$/);
  expect(risky.url).toMatch(/^\/uploads\/wishes\/risky-[0-9a-f]{24}\.png$/);
  expect([judgeLocalImage(plain.url), judgeLocalImage(risky.url)]).toEqual(['pass', 'risky']);
});
