/*
 * What the production weapp ships besides code: the search sitemap and no local-only pages.
 * Needs dist/weapp (built here when missing; SIMULATE_WEAPP_ROOT=<dir> checks another build).
 */
import fs from 'fs';
import path from 'path';
import { ensureWeappBuild, WEAPP_ROOT } from './support/weapp';

/** The pages anyone may find through WeChat search: nothing personal, nothing for staff. */
const PUBLIC_PAGES = [
  'pages/home/index',
  'pages/events/index',
  'pages/events/detail/index',
  'pages/mall/goods/index',
];

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  sitemapLocation?: string;
}
interface Sitemap {
  rules: { action?: 'allow' | 'disallow'; page: string }[];
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(WEAPP_ROOT, file), 'utf8')) as T;

beforeAll(() => ensureWeappBuild(), 240_000);

test('app.json points at a sitemap.json that ships in the package', () => {
  const app = read<AppJson>('app.json');
  expect(app.sitemapLocation).toBe('sitemap.json');
  expect(fs.existsSync(path.join(WEAPP_ROOT, 'sitemap.json'))).toBe(true);
});

test('the sitemap allows exactly the public pages, all of them real, and disallows the rest', () => {
  const app = read<AppJson>('app.json');
  const { rules } = read<Sitemap>('sitemap.json');
  const allowed = rules.filter((rule) => (rule.action ?? 'allow') === 'allow').map((rule) => rule.page);
  expect(allowed.sort()).toEqual([...PUBLIC_PAGES].sort());
  for (const page of allowed) expect(app.pages).toContain(page);
  // Rules match top-down: the catch-all comes last, so everything not allowed above is hidden.
  expect(rules[rules.length - 1]).toEqual({ action: 'disallow', page: '*' });
});

test('the local-cloud tools (demo-user picker, outbox) are not in the mini-program', () => {
  const app = read<AppJson>('app.json');
  expect((app.subPackages ?? []).map((pkg) => pkg.root)).not.toContain('packages/dev');
  expect(fs.existsSync(path.join(WEAPP_ROOT, 'packages/dev'))).toBe(false);
});
