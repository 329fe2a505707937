/**
 * `npm run bench:size`: the weapp main package and each subpackage, against WeChat's
 * limits (2 MB a package; we aim for a main package ≤ 1 MB and warn from 1.5 MB).
 */
import fs from 'fs';
import path from 'path';

const WEAPP = path.resolve(__dirname, '..', 'dist', 'weapp');
const KB = 1024;
const GOAL = 1024 * KB;
const WARN = 1536 * KB;
const LIMIT = 2048 * KB;

function sizeOf(target: string, skip: Set<string> = new Set()): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs
    .readdirSync(target)
    .filter((name) => !skip.has(path.join(target, name)))
    .reduce((total, name) => total + sizeOf(path.join(target, name), skip), 0);
}

function verdict(bytes: number, goal: number): string {
  if (bytes > LIMIT) return '超出上限';
  if (bytes > WARN) return '警告';
  return bytes <= goal ? '达标' : '高于目标';
}

function main() {
  if (!fs.existsSync(path.join(WEAPP, 'app.json'))) {
    console.error('dist/weapp 不存在：先运行 npm run build:weapp');
    process.exit(1);
  }
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? []).map((p) => path.join(WEAPP, p.root));
  const main = sizeOf(WEAPP, new Set(roots));
  console.log(
    `main package      ${(main / KB).toFixed(1).padStart(8)} KB  ${verdict(main, GOAL)} (goal ≤ 1024 KB)`,
  );
  for (const root of roots) {
    const bytes = sizeOf(root);
    const name = path.relative(WEAPP, root).padEnd(17);
    console.log(`${name} ${(bytes / KB).toFixed(1).padStart(8)} KB  ${verdict(bytes, LIMIT)}`);
  }
  const total = sizeOf(WEAPP);
  console.log(`total             ${(total / KB).toFixed(1).padStart(8)} KB`);
}

main();
