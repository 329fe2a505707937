/**
 * `npm run db:backup` / `db:restore` for the local cloud's database file. A backup is SQLite's
 * online backup: a consistent copy taken while the server keeps running (WAL lets it read beside
 * the server's writes). A restore replaces the file whole, so it refuses while a server owns it:
 * the server keeps transaction state in memory that a file swapped under it would contradict.
 */
import Database from 'better-sqlite3';
import fs from 'fs';
import path from 'path';

/** Written by the running server (server/main.ts), removed when it stops. */
export function pidFileOf(dbFile: string): string {
  return `${dbFile}.pid`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a live server that owns `dbFile`, if any (a stale pid file is ignored). */
export function runningServer(dbFile: string): number | null {
  const file = pidFileOf(dbFile);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

export function defaultBackupPath(dbFile: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(dbFile), 'backups', `${path.basename(dbFile, '.db')}-${stamp}.db`);
}

export async function backupDatabase(dbFile: string, destination: string): Promise<string> {
  if (!fs.existsSync(dbFile)) throw new Error(`没有找到数据库文件：${dbFile}`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
  return destination;
}

/** Checks the backup, copies it beside the live file and swaps it in with one rename. */
export async function restoreDatabase(backupFile: string, dbFile: string): Promise<void> {
  const owner = runningServer(dbFile);
  if (owner) throw new Error(`本地云正在运行（进程 ${owner}），请先停止再恢复`);
  if (!fs.existsSync(backupFile)) throw new Error(`没有找到备份文件：${backupFile}`);
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  const staging = `${dbFile}.restoring`;
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`备份文件已损坏：${String(check)}`);
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    fs.rmSync(staging, { force: true });
    await backup.backup(staging);
  } finally {
    backup.close();
  }
  // The old file's write-ahead log belongs to it, not to the restored copy.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.renameSync(staging, dbFile);
}
