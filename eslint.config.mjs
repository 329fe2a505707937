// ESLint (typescript-eslint) for correctness; Prettier owns formatting. The architecture is
// checked here too (tests/unit/architecture.test.ts proves a violation fails the lint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

/** Code that only runs on a server, never in the mini-program or H5. */
const SERVER_ONLY = ['wx-server-sdk', 'better-sqlite3', 'fastify', '@fastify/*', 'mingo', 'mingo/*'];

/**
 * Dates reach people in one style family (core/time.ts): pages never format a time themselves,
 * and the sortable stamp is for files (src/services) only.
 */
const DATE_STYLE = {
  name: '@core/time',
  importNames: ['inCommunityTz'],
  message: 'Format times with core/time (formatDay, formatDateTime, formatSpan…), not by hand.',
};

/** What src/ may not import; `more` adds paths for a narrower set of files. */
function appImports(...more) {
  return [
    'error',
    {
      paths: [...SERVER_ONLY.filter((name) => !name.includes('*')), DATE_STYLE, ...more],
      patterns: [
        {
          group: ['**/cloudfunctions/**', '**/server/**', ...SERVER_ONLY.filter((n) => n.includes('*'))],
          message:
            'src/ never imports the functions or the local cloud: call them through src/services/cloud.ts.',
        },
        { group: ['dayjs', 'dayjs/*'], message: 'Only core/time.ts knows dates: use its formatters.' },
      ],
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The shared core is pure and strictly typed: no escape hatches, and nothing but zod and
    // dayjs from outside (no Taro, no SDK, no I/O), so both sides can use all of it.
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|dayjs$|dayjs/|\\./|\\.\\./)',
              message: 'core/ imports only zod, dayjs and other core/ modules.',
            },
            {
              group: ['**/src/**', '**/cloudfunctions/**', '**/server/**', '**/tests/**', '**/bench/**'],
              message: 'core/ is shared by both sides and depends on neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'types/**/*.ts'],
    languageOptions: { globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },
  {
    // The app talks to the functions only through the contract and src/services/cloud.ts.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': appImports(),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name=/^(Taro|wx)$/][property.name='cloud']",
          message: 'Only src/services/ talks to CloudBase (call(), uploads): use them instead.',
        },
      ],
    },
  },
  { files: ['src/services/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // What a page shows is for people: the file stamp stays in src/services (file names).
    files: ['src/pages/**/*.{ts,tsx}', 'src/packages/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': appImports({
        name: '@core/time',
        importNames: ['formatStamp'],
        message: 'formatStamp is for files; show people formatDateTime.',
      }),
    },
  },
  {
    // A function is deployed on its own: it may not lean on the app or the local cloud.
    files: ['cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '**/server/**', '@tarojs/*', '@nutui/*', 'react', 'zustand'],
              message:
                'cloudfunctions/ use core/ and their runtime only; the app and the local cloud are not deployed.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
