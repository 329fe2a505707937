/** Browser journeys on the H5 build through the local cloud (`npm run test:e2e`). */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^@core/(.*)$': '<rootDir>/core/$1' },
  testTimeout: 120000,
  maxWorkers: 1,
};
