/**
 * The local cloud over HTTP: `POST /cloud/<function>` with `{action, input}` answers the
 * envelope; the H5 build is served from the same origin. Identity is per request, from
 * the `x-dev-openid` header — something only this local server honours.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { displayName } from '../core/domain/users';
import { fail, ok, type Fail } from '../core/errors';
import fastifyStatic from '@fastify/static';
import { findAll } from '../cloudfunctions/runtime/db';
import { NOTIFICATIONS, type NotificationFields } from '../cloudfunctions/runtime/notifications';
import { USERS, resolveCaller, type UserFields } from '../cloudfunctions/runtime/users';
import type { LocalCloud } from './local-cloud';
import { RISKY_IMAGE_MARKER } from './ports';
import { DEMO_USERS } from './seed';

export const DEV_OPENID_HEADER = 'x-dev-openid';

/** Image types the local stand-in for cloud storage accepts, with the extension it stores. */
const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const UPLOAD_FOLDERS = ['avatars', 'goods', 'events', 'wishes', 'proposals', 'projects'];
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export interface HttpOptions {
  /** The H5 build to serve at `/`. */
  h5Dir?: string;
  /** Where uploaded images are kept and served from (`/uploads/…`), standing in for cloud storage. */
  uploadsDir?: string;
}

/** A cloud call's body is small JSON; callFunction itself refuses payloads over ~100 KB. */
const MAX_CALL_BYTES = 100 * 1024;

/**
 * What the HTTP layer refuses before a function sees the request, in the same envelope every
 * function answers with (and the status a browser or test tool expects).
 */
function transportFailure(error: FastifyError): { status: number; body: Fail } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: fail('INVALID_INPUT', '请求内容过大') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: fail('INVALID_INPUT', '请求格式应为 JSON') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: fail('INVALID_INPUT', '请求内容为空') };
  }
  if (error.statusCode && error.statusCode < 500) {
    // Malformed JSON, a `__proto__`/`constructor` key, a bad content length…
    return { status: error.statusCode, body: fail('INVALID_INPUT', '请求格式有误') };
  }
  console.error('[http]', error);
  return { status: 500, body: fail('INTERNAL') };
}

export function createHttpServer(cloud: LocalCloud, options: HttpOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_UPLOAD_BYTES,
    // Keys that could reach a prototype are refused outright, not silently dropped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // The router's own refusals (a path parameter over its length limit, a malformed URL).
    frameworkErrors: (_error, _req, reply) => {
      void (reply as FastifyReply).code(404).send(fail('UNKNOWN_FUNCTION'));
    },
  });
  app.addContentTypeParser(Object.keys(IMAGE_TYPES), { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error: FastifyError, _req, reply) => {
    const { status, body } = transportFailure(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(fail('UNKNOWN_FUNCTION')));

  const identityOf = (header: unknown) => (typeof header === 'string' && header ? header : null);

  app.post<{ Params: { fn: string } }>('/cloud/:fn', { bodyLimit: MAX_CALL_BYTES }, async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json') {
      return reply.code(415).send(fail('INVALID_INPUT', '请求格式应为 JSON'));
    }
    return cloud.invoke(req.params.fn, req.body, identityOf(req.headers[DEV_OPENID_HEADER]));
  });

  const uploadsDir = options.uploadsDir;
  if (uploadsDir) {
    // Cloud storage stand-in: registered residents upload an image and get back its URL, in the
    // same envelope every other answer of the local cloud has.
    app.post<{ Params: { folder: string } }>('/local-storage/:folder', async (req, reply) => {
      const openid = identityOf(req.headers[DEV_OPENID_HEADER]);
      if (!openid || !(await resolveCaller(cloud.deps.db, openid)).user)
        return reply.code(401).send(fail('UNAUTHENTICATED'));
      const ext = IMAGE_TYPES[String(req.headers['content-type']).split(';')[0]];
      if (!ext || !UPLOAD_FOLDERS.includes(req.params.folder) || !Buffer.isBuffer(req.body)) {
        return reply.code(415).send(fail('INVALID_INPUT', '仅支持 jpg、png、webp 图片'));
      }
      // The local image check judges `risky-…` files risky: a way to try that path by hand.
      const risky = req.body.includes(RISKY_IMAGE_MARKER) ? 'risky-' : '';
      const name = `${risky}${randomBytes(12).toString('hex')}.${ext}`;
      fs.mkdirSync(path.join(uploadsDir, req.params.folder), { recursive: true });
      fs.writeFileSync(path.join(uploadsDir, req.params.folder, name), req.body);
      return ok({ url: `/uploads/${req.params.folder}/${name}` });
    });
    fs.mkdirSync(uploadsDir, { recursive: true });
    void app.register(fastifyStatic, {
      root: path.resolve(uploadsDir),
      prefix: '/uploads/',
      decorateReply: false,
    });
  }

  app.get('/dev/users', async () =>
    DEMO_USERS.map(({ openid, nickname, description }) => ({ openid, nickname, description })),
  );

  // Every resident's messages would be private data: a resident sees their own, staff see all.
  app.get('/dev/outbox', async (req, reply) => {
    const { db } = cloud.deps;
    const openid = identityOf(req.headers[DEV_OPENID_HEADER]);
    const viewer = openid ? (await resolveCaller(db, openid)).user : null;
    if (!viewer) return reply.code(401).send(fail('UNAUTHENTICATED'));
    const mine = viewer.roles.includes('staff') ? {} : { userId: viewer._id };
    const rows = await findAll<NotificationFields>(
      db.collection(NOTIFICATIONS).where(mine).orderBy('createdAt', 'desc'),
      200,
    );
    const users = await findAll<UserFields>(
      db.collection(USERS).where({ _id: db.command.in([...new Set(rows.map((r) => r.userId))]) }),
      1000,
    );
    const names = new Map(users.map((u) => [u._id, displayName(u)]));
    return rows.map((row) => ({
      id: row._id,
      userName: names.get(row.userId) ?? row.userId,
      title: row.title,
      body: row.body,
      status: row.status,
      createdAt: row.createdAt,
    }));
  });

  const h5Dir = options.h5Dir;
  if (h5Dir && fs.existsSync(path.join(h5Dir, 'index.html'))) {
    void app.register(fastifyStatic, { root: path.resolve(h5Dir) });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<p>H5 尚未构建：请先运行 <code>npm run build:h5</code>。</p>'),
    );
  }
  return app;
}
