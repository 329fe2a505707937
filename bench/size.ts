/**
 * `npm run bench:size`: what the builds weigh against their goals.
 * - weapp (dist/weapp): the main package and each subpackage against WeChat's limits (2 MB a
 *   package); we aim for a main package ≤ 1 MB and warn from 1.5 MB.
 * - H5 (dist/h5, a production build): the first screen — index.html plus the JS and CSS the
 *   home route loads — goal ≤ 150 KB gzipped; and all of the app's JS, goal ≤ 1 MB gzipped.
 *   Gzipped sizes are per file (as each is sent), at zlib's default level.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';

const DIST = path.resolve(__dirname, '..', 'dist');
const WEAPP = path.join(DIST, 'weapp');
const H5 = path.join(DIST, 'h5');
/** The page the app opens on (the first page of src/app.config.ts). */
const HOME_ROUTE = 'pages/home/index';

const KB = 1024;
const WEAPP_GOAL = 1024 * KB;
const WEAPP_WARN = 1536 * KB;
const WEAPP_LIMIT = 2048 * KB;
const H5_FIRST_SCREEN_GOAL = 150 * KB;
const H5_ALL_JS_GOAL = 1024 * KB;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1).padStart(8)} KB`;

function sizeOf(target: string, skip: Set<string> = new Set()): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs
    .readdirSync(target)
    .filter((name) => !skip.has(path.join(target, name)))
    .reduce((total, name) => total + sizeOf(path.join(target, name), skip), 0);
}

function weappVerdict(bytes: number, goal: number): string {
  if (bytes > WEAPP_LIMIT) return '超出上限';
  if (bytes > WEAPP_WARN) return '警告';
  return bytes <= goal ? '达标' : '高于目标';
}

function weapp(): void {
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? []).map((p) => path.join(WEAPP, p.root));
  console.log('weapp (dist/weapp)');
  const main = sizeOf(WEAPP, new Set(roots));
  console.log(`  main package         ${kb(main)}  ${weappVerdict(main, WEAPP_GOAL)} (goal ≤ 1024 KB)`);
  for (const root of roots) {
    const bytes = sizeOf(root);
    const name = path.relative(WEAPP, root).padEnd(20);
    console.log(`  ${name} ${kb(bytes)}  ${weappVerdict(bytes, WEAPP_LIMIT)}`);
  }
  console.log(`  total                ${kb(sizeOf(WEAPP))}`);
}

interface Weight {
  raw: number;
  gzip: number;
}

function weigh(files: string[]): Weight {
  return files.reduce(
    (sum, file) => {
      const bytes = fs.readFileSync(file);
      return { raw: sum.raw + bytes.length, gzip: sum.gzip + zlib.gzipSync(bytes).length };
    },
    { raw: 0, gzip: 0 },
  );
}

/** The files index.html loads itself: its scripts and style sheets. */
function initialFiles(html: string): string[] {
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]);
  return urls.map((url) => path.join(H5, url.replace(/^\//, '')));
}

/**
 * The chunks a route loads. Taro's H5 router table holds each page as
 * `"path":"<route>","load":function(…){return[<import()>,…]}`, and webpack compiles the import()
 * to `x.e(<chunk id>)` once per chunk it needs (`Promise.all([x.e(1),x.e(2)])` when shared
 * code was split out). A chunk's files are js/<id>.<hash>.js and css/<id>.<hash>.css.
 */
function routeFiles(appJs: string, route: string): string[] {
  const load = new RegExp(`"path":"${route}","load":function\\([^)]*\\)\\{return\\[(.*?)\\.then\\(`).exec(
    appJs,
  );
  if (!load) throw new Error(`no "${route}" entry in the H5 router table: has Taro's output changed?`);
  const ids = [...load[1].matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]);
  return ids.flatMap((id) =>
    ['js', 'css'].flatMap((dir) =>
      fs
        .readdirSync(path.join(H5, dir))
        .filter((name) => name.startsWith(`${id}.`) && name.endsWith(`.${dir}`))
        .map((name) => path.join(H5, dir, name)),
    ),
  );
}

function h5Line(label: string, weight: Weight, files: number, goal: number): string {
  const verdict = weight.gzip <= goal ? '达标' : '高于目标';
  const count = `${files} files`.padStart(9);
  return `  ${label.padEnd(20)} ${kb(weight.raw)} raw ${kb(weight.gzip)} gzip ${count}  ${verdict} (goal ≤ ${goal / KB} KB gzip)`;
}

function h5(): void {
  const html = path.join(H5, 'index.html');
  const initial = initialFiles(fs.readFileSync(html, 'utf8'));
  const appJs = initial.find((file) => /[\\/]js[\\/]app\.[^\\/]*\.js$/.test(file));
  if (!appJs) throw new Error('index.html loads no js/app.*.js');
  const firstScreen = [html, ...initial, ...routeFiles(fs.readFileSync(appJs, 'utf8'), HOME_ROUTE)];
  const allJs = fs
    .readdirSync(path.join(H5, 'js'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(H5, 'js', name));
  console.log('H5 (dist/h5)');
  console.log(h5Line(`first screen (home)`, weigh(firstScreen), firstScreen.length, H5_FIRST_SCREEN_GOAL));
  console.log(h5Line('whole app JS', weigh(allJs), allJs.length, H5_ALL_JS_GOAL));
}

function main() {
  const built = [
    { dir: WEAPP, marker: 'app.json', run: weapp, build: 'npm run build:weapp' },
    { dir: H5, marker: 'index.html', run: h5, build: 'npm run build:h5' },
  ].filter(({ dir, marker, build }) => {
    if (fs.existsSync(path.join(dir, marker))) return true;
    console.error(`${path.relative(process.cwd(), dir)} 不存在：先运行 ${build}`);
    return false;
  });
  if (built.length === 0) process.exit(1);
  built.forEach(({ run }, i) => {
    if (i > 0) console.log('');
    run();
  });
}

main();
