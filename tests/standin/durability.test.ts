import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as cloud from 'wx-server-sdk';
import { installStandIn, openLocalDatabase } from '../../server/standin';
import { call, type Transaction } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'standin-durability-'));
const file = join(dir, 'nested', 'dir', 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
const db = cloud.database();

describe('a database file', () => {
  it('keeps committed data across close and reopen', async () => {
    const first = openLocalDatabase({ file });
    installStandIn(first);
    await call(
      db
        .collection('notes')
        .doc('n1')
        .set({ data: { text: '你好', list: [1, 2] } }),
    );
    await db.runTransaction(async (tx: Transaction) => {
      await call(tx.collection('notes').add({ data: { _id: 'n2', text: 'in a transaction' } }));
    });
    first.close();

    const second = openLocalDatabase({ file });
    installStandIn(second);
    expect(second.file).toBe(file);
    expect((await call(db.collection('notes').doc('n1').get())).data).toEqual({
      _id: 'n1',
      text: '你好',
      list: [1, 2],
    });
    expect((await call(db.collection('notes').doc('n2').get())).data.text).toBe('in a transaction');
    second.close();
  });

  it('is in WAL mode with one table per collection', () => {
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      expect(tables).toEqual([{ name: 'notes' }]);
      const columns = raw.prepare('PRAGMA table_info(notes)').all() as {
        name: string;
        pk: number;
      }[];
      expect(columns.map((column) => [column.name, column.pk])).toEqual([
        ['_id', 1],
        ['doc', 0],
      ]);
    } finally {
      raw.close();
    }
  });

  it('clear() drops every document', async () => {
    const local = openLocalDatabase({ file });
    installStandIn(local);
    local.clear();
    expect((await call(db.collection('notes').get())).data).toEqual([]);
    local.close();
  });

  it('a closed database refuses requests loudly', async () => {
    const local = openLocalDatabase({ file });
    installStandIn(local);
    local.close();
    await expect(call(db.collection('notes').get())).rejects.toThrow(
      /\[standin\] database\.getDocument: the local database .* is closed/,
    );
  });
});
