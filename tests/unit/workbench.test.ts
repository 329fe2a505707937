/**
 * The pure parts of the workbench: the months a dashboard covers, periods as staff read them,
 * reading an export to its end, what each audit action is called and where it belongs, and the
 * one table of staff tools.
 */
import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import { AUDIT_ACTION_LABELS, AUDIT_TYPES, auditActionLabel, auditTypeOf } from '../../core/domain/audit';
import { SERIES, SERIES_GROUPS, SERIES_LABELS, WORKBENCH_COUNTS } from '../../core/domain/dashboard';
import { collectExport, exportFilename, hoursOf, type ExportPageData } from '../../core/domain/exports';
import { ROUTES, type RouteName } from '../../core/routes';
import { DAY_MS, formatPeriod, monthOfKey, recentMonths } from '../../core/time';
import { TOOL_GROUPS } from '../../src/packages/staff/workbench/tools';

// 2026-11-30 17:30 UTC is already 2026-12-01 01:30 in Shanghai.
const LATE_NOVEMBER_UTC = Date.UTC(2026, 10, 30, 17, 30);

test('the dashboard’s twelve months end with this one, in community time, each where the next begins', () => {
  const months = recentMonths(LATE_NOVEMBER_UTC, 12);
  expect(months.map((m) => m.key)).toEqual([
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
  ]);
  expect(months[11]).toMatchObject({ label: '12月', from: Date.UTC(2026, 10, 30, 16, 0) });
  for (let i = 1; i < months.length; i += 1) expect(months[i].from).toBe(months[i - 1].to);
});

test('any instant lies in the last of the months ending with it', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (now) => {
      const months = recentMonths(now, 12);
      const last = months[11];
      expect(now >= last.from && now < last.to).toBe(true);
      expect(monthOfKey(last.key)).toEqual(last);
    }),
  );
});

test('a month key names its month, or nothing', () => {
  expect(monthOfKey('2026-02')).toMatchObject({
    from: Date.UTC(2026, 0, 31, 16),
    to: Date.UTC(2026, 1, 28, 16),
  });
  expect(monthOfKey('2026-13')).toBeNull();
  expect(monthOfKey('26-1')).toBeNull();
});

test('a period reads as its month, or as its first and last day', () => {
  const november = monthOfKey('2026-11');
  if (!november) throw new Error('no month');
  expect(formatPeriod(november.from, november.to)).toBe('2026年11月');
  expect(formatPeriod(november.from, november.from + 10 * DAY_MS)).toBe('2026-11-01至2026-11-10');
});

test('file names say what and when, without characters a file system refuses', () => {
  expect(exportFilename('签到名单', '楼道清洁/第3期: 上午')).toBe('签到名单-楼道清洁第3期上午.csv');
  expect(hoursOf(150)).toBe(2.5);
  expect(hoursOf(20)).toBe(0.3);
});

test('an export is read page after page to the end, reporting progress, and stops at a failure', async () => {
  const pages: ExportPageData[] = [0, 1, 2].map((i) => ({
    filename: 'f.csv',
    title: 't',
    header: ['a'],
    rows: [[`r${i}a`], [`r${i}b`]],
    next: i < 2 ? { at: i, id: `c${i}` } : null,
    total: 6,
  }));
  const asked: unknown[] = [];
  const progress: number[] = [];
  const table = await collectExport(
    async (cursor) => {
      asked.push(cursor);
      return pages[asked.length - 1];
    },
    (done) => progress.push(done),
  );
  expect(table.rows.flat()).toEqual(['r0a', 'r0b', 'r1a', 'r1b', 'r2a', 'r2b']);
  expect(asked).toEqual([undefined, { at: 0, id: 'c0' }, { at: 1, id: 'c1' }]);
  expect(progress).toEqual([2, 4, 6]);
  await expect(
    collectExport(async (cursor) => {
      if (cursor) throw new Error('第二页读取失败');
      return pages[0];
    }),
  ).rejects.toThrow('第二页读取失败');
});

/** Every action the functions record, as written in their sources (and the templated ones). */
function recordedActions(): string[] {
  const dir = path.resolve(__dirname, '../../cloudfunctions');
  const files = fs.readdirSync(dir, { recursive: true }) as string[];
  const source = files
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  const literal =
    /'((?:application|role|resident|account|points|mall|event|wish|report|proposal|round|ballot|project|votes)\.[a-z_]+)'/g;
  const found = [...source.matchAll(literal)].map((m) => m[1]);
  const templated = [
    'application.approved',
    'application.rejected',
    'event.leader_check_in',
    'event.leader_check_out',
    'report.hidden',
    'report.kept',
    'wish.hide',
    'wish.hide_image',
    'proposal.hide',
    'proposal.hide_image',
    'wish.restore',
    'proposal.restore',
  ];
  return [...new Set([...found, ...templated])];
}

test('every action the functions record is worded for staff and has a type', () => {
  const actions = recordedActions();
  expect(actions.length).toBeGreaterThan(30);
  expect(actions.filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  for (const action of actions) expect(AUDIT_TYPES).toContain(auditTypeOf(action));
  expect(auditTypeOf('role.grant_staff')).toBe('resident');
  expect(auditTypeOf('wish.hide')).toBe('moderation');
  expect(auditTypeOf('round.answer_objection')).toBe('votes');
  expect(auditActionLabel('something.new')).toBe('something.new');
});

test('each chart is in exactly one tab, and each is worded', () => {
  expect(SERIES_GROUPS.flatMap((g) => g.series).sort()).toEqual([...SERIES].sort());
  for (const key of SERIES) expect(SERIES_LABELS[key].label).toMatch(/[\u4e00-\u9fff]/);
});

/** Residents' pages staff manage from (each 微实事 project is run from its public page). */
const SHARED_TOOLS: RouteName[] = ['voteProjects'];

test('the tool table names staff pages and counts that exist, each tool once', () => {
  const tools = TOOL_GROUPS.flatMap((g) => g.tools);
  for (const tool of tools) {
    if (!SHARED_TOOLS.includes(tool.route)) expect(ROUTES[tool.route]).toMatch(/^packages\/staff\//);
    if (tool.badge) expect(WORKBENCH_COUNTS).toContain(tool.badge);
  }
  const routes = tools.map((t) => t.route);
  expect(new Set(routes).size).toBe(routes.length);
  // Every count has a tool to show it on.
  expect([...WORKBENCH_COUNTS].sort()).toEqual(
    [...new Set(tools.flatMap((t) => (t.badge ? [t.badge] : [])))].sort(),
  );
});
