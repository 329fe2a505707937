/**
 * The local cloud over HTTP: `POST /cloud/<function>` with `{action, input}` answers the
 * envelope; the H5 build is served from the same origin. Identity is per request, from
 * the `x-dev-openid` header — something only this local server honours.
 */
import fs from 'fs';
import path from 'path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { findAll } from '../cloudfunctions/runtime/db';
import { NOTIFICATIONS, type NotificationFields } from '../cloudfunctions/runtime/notifications';
import { USERS, type UserFields } from '../cloudfunctions/runtime/users';
import type { LocalCloud } from './local-cloud';
import { DEMO_USERS } from './seed';

export const DEV_OPENID_HEADER = 'x-dev-openid';

export function createHttpServer(cloud: LocalCloud, options: { h5Dir?: string } = {}): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });

  app.post<{ Params: { fn: string } }>('/cloud/:fn', async (req) => {
    const openid = req.headers[DEV_OPENID_HEADER];
    return cloud.invoke(req.params.fn, req.body, typeof openid === 'string' && openid ? openid : null);
  });

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
