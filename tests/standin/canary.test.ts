/**
 * Fails loudly when an SDK upgrade could silently bypass the stand-in: the hook relies on
 * wx-server-sdk 4.0.2 → @cloudbase/node-sdk → @cloudbase/database 1.4.3 constructing
 * `new Db.reqClass(config)` for every request.
 */
import { Db } from '@cloudbase/database';
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import { dirname } from 'path';
import * as cloud from 'wx-server-sdk';
import { call, startLocalCloud } from './harness';

// Node's own resolver (the Taro types give `require` webpack's shape, without `resolve` options).
const nodeRequire = createRequire(__filename);

const { local, db } = startLocalCloud();
afterAll(() => local.close());

function versionOf(pkg: string, from?: string): string {
  const path = nodeRequire.resolve(`${pkg}/package.json`, from ? { paths: [from] } : undefined);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

describe('stand-in canary', () => {
  it('wx-server-sdk is exactly 4.0.2 and uses the @cloudbase/database 1.4.3 we hook', () => {
    expect(versionOf('wx-server-sdk')).toBe('4.0.2');
    const nodeSdk = dirname(
      nodeRequire.resolve('@cloudbase/node-sdk/package.json', {
        paths: [dirname(nodeRequire.resolve('wx-server-sdk'))],
      }),
    );
    expect(versionOf('@cloudbase/database', nodeSdk)).toBe('1.4.3');
    expect(nodeRequire.resolve('@cloudbase/database', { paths: [nodeSdk] })).toBe(
      nodeRequire.resolve('@cloudbase/database'),
    );
  });

  it('database() cannot put the HTTP requester back', () => {
    cloud.database(); // node-sdk assigns its TcbDBApiHttpRequester to Db.reqClass on every call
    expect((Db.reqClass as { name: string }).name).toBe('StandInRequester');
  });

  it('every SDK request reaches the local database', async () => {
    local.resetStats();
    await call(db.collection('canary').where({ alive: true }).get());
    expect(local.stats.roundTrips).toBe(1);
    expect(local.stats.byApi).toEqual({ 'database.getDocument': 1 });
  });
});
