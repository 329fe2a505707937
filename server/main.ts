/** `npm run serve`: the local cloud on 127.0.0.1, seeded with the demo community on first start. */
import fs from 'fs';
import { pidFileOf } from './backup';
import { createLocalCloud } from './local-cloud';
import { latencyFromEnv } from './standin/latency';
import { createHttpServer } from './http';
import { DB_FILE, H5_DIR, UPLOADS_DIR } from './paths';
import { startScheduler } from './scheduler';
import { seedDemoCommunity } from './seed';

async function main() {
  const port = Number(process.env.PORT ?? 10086);
  // A few ms per database request by default, so the app feels (and races) like CloudBase.
  const cloud = createLocalCloud({ file: DB_FILE, latencyMs: latencyFromEnv(2) });
  if (await seedDemoCommunity(cloud.deps, { uploadsDir: UPLOADS_DIR }))
    console.log('已写入演示社区数据（幸福里社区）');
  const stopJobs = startScheduler(cloud.deps);
  const app = createHttpServer(cloud, { h5Dir: H5_DIR, uploadsDir: UPLOADS_DIR });
  const address = await app.listen({ host: '127.0.0.1', port });
  // Tells db:restore that this process owns the file.
  fs.writeFileSync(pidFileOf(DB_FILE), String(process.pid));
  console.log(`邻里通本地云已启动：${address}`);

  const shutdown = () => {
    stopJobs();
    void app.close().then(() => {
      fs.rmSync(pidFileOf(DB_FILE), { force: true });
      cloud.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
