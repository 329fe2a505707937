/** `npm run db:reset` empties the local database; `npm run db:seed` writes the demo community. */
import { createLocalCloud } from './local-cloud';
import { DB_FILE } from './paths';
import { seedDemoCommunity } from './seed';

async function main(command: string | undefined) {
  const cloud = createLocalCloud({ file: DB_FILE });
  try {
    if (command === 'reset') {
      cloud.store.clear();
      console.log(`已清空本地数据库：${DB_FILE}`);
    } else if (command === 'seed') {
      const wrote = await seedDemoCommunity(cloud.deps);
      console.log(wrote ? '已写入演示社区数据' : '演示数据已存在，未重复写入');
    } else {
      console.error('用法：tsx server/cli.ts reset|seed');
      process.exitCode = 2;
    }
  } finally {
    cloud.close();
  }
}

void main(process.argv[2]);
