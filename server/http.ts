/**
 * The local cloud over HTTP: `POST /cloud/<function>` with `{action, input}` answers the
 * envelope; the H5 build is served from the same origin. Identity is per request, from
 * the `x-dev-openid` header — something only this local server honours.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { findAll } from '../cloudfunctions/runtime/db';
import { NOTIFICATIONS, type NotificationFields } from '../cloudfunctions/runtime/notifications';
import { USERS, findUser, userIdForOpenid, type UserFields } from '../cloudfunctions/runtime/users';
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

export function createHttpServer(cloud: LocalCloud, options: HttpOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: MAX_UPLOAD_BYTES });
  app.addContentTypeParser(Object.keys(IMAGE_TYPES), { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );

  const identityOf = (header: unknown) => (typeof header === 'string' && header ? header : null);

  app.post<{ Params: { fn: string } }>('/cloud/:fn', async (req) => {
    return cloud.invoke(req.params.fn, req.body, identityOf(req.headers[DEV_OPENID_HEADER]));
  });

  const uploadsDir = options.uploadsDir;
  if (uploadsDir) {
    // Cloud storage stand-in: registered residents upload an image, and get back its URL.
    app.post<{ Params: { folder: string } }>('/local-storage/:folder', async (req, reply) => {
      const openid = identityOf(req.headers[DEV_OPENID_HEADER]);
      if (!openid || !(await findUser(cloud.deps.db, userIdForOpenid(openid))))
        return reply.code(401).send({ error: '请先登录' });
      const ext = IMAGE_TYPES[String(req.headers['content-type']).split(';')[0]];
      if (!ext || !UPLOAD_FOLDERS.includes(req.params.folder) || !Buffer.isBuffer(req.body)) {
        return reply.code(415).send({ error: '仅支持 jpg、png、webp 图片' });
      }
      // The local image check judges `risky-…` files risky: a way to try that path by hand.
      const risky = req.body.includes(RISKY_IMAGE_MARKER) ? 'risky-' : '';
      const name = `${risky}${randomBytes(12).toString('hex')}.${ext}`;
      fs.mkdirSync(path.join(uploadsDir, req.params.folder), { recursive: true });
      fs.writeFileSync(path.join(uploadsDir, req.params.folder, name), req.body);
      return { url: `/uploads/${req.params.folder}/${name}` };
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

  app.get('/dev/outbox', async () => {
    const { db } = cloud.deps;
    const rows = await findAll<NotificationFields>(
      db.collection(NOTIFICATIONS).orderBy('createdAt', 'desc'),
      200,
    );
    const users = await findAll<UserFields>(db.collection(USERS), 1000);
    const names = new Map(users.map((u) => [u._id, u.realName || u.nickname]));
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
