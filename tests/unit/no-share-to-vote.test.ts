/**
 * WeChat refuses 有偿投票 and share-to-vote at review: nothing in 百姓点菜 may ask a resident to
 * share, forward or canvass, and no page of it may turn on the share menu. (That no vote,
 * support or rating earns points is tested on the ledger: tests/functions/votes-projects.test.ts.)
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** Every source of 百姓点菜: its pages, the staff's voting pages and the votes function. */
const VOTING_SOURCES = [
  'src/packages/votes',
  'src/packages/staff/proposals',
  'src/packages/staff/rounds',
  'src/packages/staff/round',
  'src/packages/staff/round-edit',
  'src/packages/staff/paper-ballot',
  'src/packages/staff/voting-settings',
  'src/packages/staff/project-edit',
  'src/packages/staff/milestone-edit',
  'cloudfunctions/votes',
  'core/domain/voting.ts',
  'core/contract/votes.ts',
];

/** Share APIs (Taro's and WeChat's) and a page config turning the share menu on. */
const SHARE_API =
  /\b(useShareAppMessage|useShareTimeline|onShareAppMessage|onShareTimeline|showShareMenu|updateShareMenu|shareAppMessage|enableShareAppMessage|enableShareTimeline)\b|open-type=["']share/;
/** Words that ask for canvassing. */
const CANVASSING = /分享|转发|拉票|集赞|助力|邀请好友|帮忙投票/;

function files(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!fs.statSync(full).isDirectory()) return [full];
  return (fs.readdirSync(full, { recursive: true }) as string[])
    .filter((f) => /\.(tsx?|scss)$/.test(f))
    .map((f) => path.join(full, f));
}

/** Lines matching `pattern`, as `file:line: text`. */
function offending(sources: string[], pattern: RegExp): string[] {
  return sources.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        pattern.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

const sources = VOTING_SOURCES.flatMap(files);

test('百姓点菜 reads its sources (a moved folder must be named here)', () => {
  for (const source of VOTING_SOURCES) expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
  expect(sources.length).toBeGreaterThan(30);
});

test('no page or notice of 百姓点菜 offers sharing or asks for it', () => {
  expect(offending(sources, SHARE_API)).toEqual([]);
  expect(offending(sources, CANVASSING)).toEqual([]);
});

test('the check would catch a share button and a plea to forward', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llt-share-'));
  const page = path.join(dir, 'page.tsx');
  fs.writeFileSync(
    page,
    "useShareAppMessage(() => ({ title: '投我一票' }));\nconst tip = '转发给邻居来投票';\n",
  );
  expect(offending([page], SHARE_API)).toHaveLength(1);
  expect(offending([page], CANVASSING)).toHaveLength(1);
  fs.rmSync(dir, { recursive: true, force: true });
});
