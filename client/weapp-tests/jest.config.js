/**
 * The weapp build run in a simulated mini-program (miniprogram-simulate + j-component, WeChat's
 * own wcc), and the tests of scripts/check-weapp.mjs. Needs `npm run build:weapp` first; npm test
 * runs it right after the build. TZ=UTC is set by the npm scripts.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/client/weapp-tests'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // The built mini-program (client/dist/weapp, and the checks' planted copies of it) is run as
  // WeChat would run it: never transformed.
  transformIgnorePatterns: ['/node_modules/(?!(chinese-days)/)', '/weapp/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/client/weapp-tests/harness/stack-setup.ts',
  globalTeardown: '<rootDir>/client/weapp-tests/harness/stack-teardown.ts',
  testTimeout: 30000,
  // A page that crashes while rendering (what these tests exist to catch) leaves its timers
  // behind (the hub's once-a-minute refresh is never cleared): a failing run must still end.
  forceExit: true,
};
