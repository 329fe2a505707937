/**
 * `npm run db:reset` empties the local database; `db:seed` writes the demo community;
 * `db:backup [file]` copies it while it may be in use; `db:restore <file>` puts a copy back.
 */
import { backupDatabase, defaultBackupPath, restoreDatabase } from './backup';
import { createLocalCloud } from './local-cloud';
import { DB_FILE, UPLOADS_DIR } from './paths';
import { seedDemoCommunity } from './seed';

async function withCloud(work: (cloud: ReturnType<typeof createLocalCloud>) => Promise<void>) {
  const cloud = createLocalCloud({ file: DB_FILE });
  try {
    await work(cloud);
  } finally {
    cloud.close();
  }
}

async function main(command: string | undefined, file: string | undefined) {
  switch (command) {
    case 'reset':
      return withCloud(async (cloud) => {
        cloud.store.clear();
        console.log(`已清空本地数据库：${DB_FILE}`);
      });
    case 'seed':
      return withCloud(async (cloud) => {
        const wrote = await seedDemoCommunity(cloud.deps, { uploadsDir: UPLOADS_DIR });
        console.log(wrote ? '已写入演示社区数据' : '演示数据已存在，未重复写入');
      });
    case 'backup':
      console.log(`已备份到：${await backupDatabase(DB_FILE, file ?? defaultBackupPath(DB_FILE))}`);
      return;
    case 'restore':
      if (!file) throw new Error('用法：npm run db:restore -- <备份文件>');
      await restoreDatabase(file, DB_FILE);
      console.log(`已从 ${file} 恢复：${DB_FILE}`);
      return;
    default:
      console.error('用法：tsx server/cli.ts reset|seed|backup [文件]|restore <文件>');
      process.exitCode = 2;
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
