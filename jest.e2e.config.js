/** Browser tests: the h5 build served by the local stack, driven in Debian's Chromium. */
const { projects } = require('./jest.config.js');

const node = projects.find((p) => p.displayName === 'node');

module.exports = {
  ...node,
  displayName: 'e2e',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
