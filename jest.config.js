/** Unit and integration tests: core, server, dev and functions in Node; the client in jsdom. TZ=UTC is set by the npm scripts. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];

const node = {
  displayName: 'node',
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/server', '<rootDir>/dev', '<rootDir>/scripts', '<rootDir>/client/config'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(chinese-days)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/server/src/db/testing/global-setup.ts',
};

/** The Taro client (TOOLCHAIN.md "Jest for Taro components"): h5 Taro and its React components in jsdom. */
const client = {
  displayName: 'client',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  roots: ['<rootDir>/client/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/client/jest/setup.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['<rootDir>/node_modules/(?!(@tarojs|@nutui|@stencil|swiper|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj|chinese-days)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/client/jest/taro.js',
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
    '\\.(css|scss|less)$': '<rootDir>/client/jest/style.js',
    // ES-module-only packages that taro-h5's CommonJS build requires (see client/jest/query-string.js).
    '^query-string$': '<rootDir>/client/jest/query-string.js',
    '^swiper(/.*)?$': '<rootDir>/client/jest/style.js',
    '^lodash-es$': 'lodash',
    '^lodash-es/(.*)$': 'lodash/$1',
    '^@bianmin/core$': '<rootDir>/core/src/index.ts',
    '^@bianmin/core/(.*)$': '<rootDir>/core/src/$1',
  },
};

module.exports = { projects: [node, client], testTimeout: 30000 };
