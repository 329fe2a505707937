/**
 * `npm run build:functions`: one deployable folder per cloud function under dist/functions
 * (index.js with core/ and every pure dependency inlined, package.json, config.json).
 * Only wx-server-sdk stays a dependency: CloudBase installs it, and it has no native code.
 */
import fs from 'fs';
import path from 'path';
import { build } from 'esbuild';
import { contract } from '../core/contract';
import { functions } from '../server/functions';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'functions');
const SDK_VERSION = '4.0.2';

/** The openapi calls a function may make (content and image checks, subscribe messages). */
const OPENAPI_PERMISSIONS = ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'];

async function buildFunction(name: keyof typeof functions) {
  const dir = path.join(OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, 'cloudfunctions', name, 'index.ts')],
    outfile: path.join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': SDK_VERSION },
  };
  const config = {
    permissions: { openapi: OPENAPI_PERMISSIONS },
    triggers: functions[name].jobs.map((job) => ({ name: job.name, type: 'timer', config: job.cron })),
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  const size = fs.statSync(path.join(dir, 'index.js')).size;
  console.log(`${name}: ${(size / 1024).toFixed(1)} KB, ${config.triggers.length} timer trigger(s)`);
}

async function main() {
  for (const name of Object.keys(contract) as (keyof typeof functions)[]) await buildFunction(name);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
