/** Browser tests: the h5 build served by the local stack, driven in Debian's Chromium. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
