/** db:backup and db:restore on a real database file. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { backupDatabase, pidFileOf, restoreDatabase } from '../../server/backup';
import { installStandIn, openLocalDatabase } from '../../server/standin';
import { call, startLocalCloud } from './harness';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-backup-'));
const dbFile = path.join(dir, 'linlitong.db');
const copy = path.join(dir, 'backups', 'copy.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const { local, db } = startLocalCloud({ file: dbFile });
const balance = async () => (await call(db.collection('accounts').doc('a').get())).data.balance;

test('a backup taken while the server writes holds what was committed, and a restore brings it back', async () => {
  await call(db.collection('accounts').add({ data: { _id: 'a', balance: 100 } }));
  const open = await db.startTransaction();
  await call(
    open
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 1 } }),
  );
  await backupDatabase(dbFile, copy); // from another connection, as `npm run db:backup` does
  await open.commit();
  expect(await balance()).toBe(1);
  local.close();

  await restoreDatabase(copy, dbFile);
  const reopened = openLocalDatabase({ file: dbFile });
  installStandIn(reopened);
  try {
    expect(await balance()).toBe(100);
  } finally {
    reopened.close();
  }
});

test('a restore refuses while a server owns the file, and refuses a damaged backup', async () => {
  fs.writeFileSync(pidFileOf(dbFile), String(process.ppid)); // a live process that is not this one
  await expect(restoreDatabase(copy, dbFile)).rejects.toThrow(/正在运行/);
  fs.rmSync(pidFileOf(dbFile));

  const damaged = path.join(dir, 'damaged.db');
  fs.writeFileSync(damaged, Buffer.alloc(8192, 7));
  // Not `rejects.toThrow()`: SQLite's error comes from the native addon, whose Error class belongs
  // to whichever jest module registry loaded it first, so `instanceof Error` may be false here.
  const outcome = await restoreDatabase(damaged, dbFile).then(
    () => 'restored',
    (e: { message?: string }) => `refused: ${e.message}`,
  );
  expect(outcome).toMatch(/^refused: .*not a database/);
  await expect(restoreDatabase(path.join(dir, 'missing.db'), dbFile)).rejects.toThrow(/没有找到备份文件/);
});
