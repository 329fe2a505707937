/**
 * The architecture is a lint rule, not a paragraph (eslint.config.mjs): each deliberate
 * violation below must fail `npm run lint`, and each allowed import must pass. ESLint loads
 * its flat config with a dynamic import, which jest's module system cannot run, so the files
 * are linted by ESLint in a child process.
 */
import { execFileSync } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

/** The rules each snippet breaks (empty when it is fine). */
function lint(cases: Case[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
    }
    console.log(JSON.stringify(out));
  `;
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(cases)],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return JSON.parse(stdout) as string[][];
}

const violations: [string, Case][] = [
  [
    'core/ importing Taro',
    { file: 'core/domain/x.ts', code: "import Taro from '@tarojs/taro';\nexport const t = Taro;\n" },
  ],
  [
    'core/ importing the app through a relative path',
    {
      file: 'core/domain/x.ts',
      code: "import { call } from '../../src/services/cloud';\nexport const c = call;\n",
    },
  ],
  [
    'core/ importing a cloud function',
    {
      file: 'core/x.ts',
      code: "import { findAll } from '../cloudfunctions/runtime/db';\nexport const f = findAll;\n",
    },
  ],
  [
    'a page importing a cloud function',
    {
      file: 'src/pages/x/index.tsx',
      code: "import { findAll } from '../../../cloudfunctions/runtime/db';\nexport const f = findAll;\n",
    },
  ],
  [
    'a page importing the local cloud',
    {
      file: 'src/pages/x/index.tsx',
      code: "import { seedDemoCommunity } from '../../../server/seed';\nexport const s = seedDemoCommunity;\n",
    },
  ],
  [
    'a page importing the server SDK',
    { file: 'src/pages/x/index.tsx', code: "import cloud from 'wx-server-sdk';\nexport const c = cloud;\n" },
  ],
  [
    'a page calling Taro.cloud itself',
    {
      file: 'src/pages/x/index.tsx',
      code: "import Taro from '@tarojs/taro';\nexport const go = () => Taro.cloud.callFunction({ name: 'user' });\n",
    },
  ],
  [
    'a page formatting a date itself with dayjs',
    { file: 'src/pages/x/index.tsx', code: "import dayjs from 'dayjs';\nexport const d = dayjs;\n" },
  ],
  [
    'a page formatting a date itself in community time',
    {
      file: 'src/packages/staff/x/index.tsx',
      code: "import { inCommunityTz } from '@core/time';\nexport const d = inCommunityTz;\n",
    },
  ],
  [
    'a component showing the file stamp to people',
    {
      file: 'src/components/x/index.tsx',
      code: "import { formatStamp } from '@core/time';\nexport const d = formatStamp;\n",
    },
  ],
  [
    'a cloud function importing the app',
    {
      file: 'cloudfunctions/user/x.ts',
      code: "import { go } from '../../src/services/navigation';\nexport const g = go;\n",
    },
  ],
];

const allowed: [string, Case][] = [
  [
    'core/ using zod, dayjs and core/',
    {
      file: 'core/domain/x.ts',
      code: "import { z } from 'zod';\nimport utc from 'dayjs/plugin/utc';\nimport { AppError } from '../errors';\nexport const all = [z, utc, AppError];\n",
    },
  ],
  [
    'a page using the contract, core/ and the services',
    {
      file: 'src/pages/x/index.tsx',
      code: "import { contract } from '@core/contract';\nimport { call } from '../../services/cloud';\nexport const all = [contract, call];\n",
    },
  ],
  [
    'a page using the date style family',
    {
      file: 'src/pages/x/index.tsx',
      code: "import { formatDateTime, formatSpan } from '@core/time';\nexport const all = [formatDateTime, formatSpan];\n",
    },
  ],
  [
    'a service naming a file by the stamp',
    {
      file: 'src/services/x.ts',
      code: "import { formatStamp } from '@core/time';\nexport const s = formatStamp;\n",
    },
  ],
  [
    'src/services/ talking to CloudBase',
    {
      file: 'src/services/x.ts',
      code: "import Taro from '@tarojs/taro';\nexport const up = () => Taro.cloud.uploadFile({ cloudPath: 'a', filePath: 'b' });\n",
    },
  ],
];

test('every boundary violation fails the lint with the rule that forbids it; allowed imports pass', () => {
  const results = lint([...violations, ...allowed].map(([, c]) => c));
  violations.forEach(([name], i) => {
    expect({ name, rules: results[i] }).toEqual({
      name,
      rules: [expect.stringMatching(/^no-restricted-(imports|syntax): /)],
    });
  });
  allowed.forEach(([name], i) => {
    expect({ name, rules: results[violations.length + i] }).toEqual({ name, rules: [] });
  });
}, 60_000);
