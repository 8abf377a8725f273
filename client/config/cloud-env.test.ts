import { CloudEnvError, cloudEnvFor, TEST_CLOUD_ENV } from './cloud-env';
import { transpiledDependencyDirs, zodEsmRequest } from './transpile';

describe('the CloudBase environment a build bakes in', () => {
  it('refuses a weapp build without CLOUD_ENV, saying how to build and that h5 needs none', () => {
    for (const missing of [undefined, '', '   ', '\n']) {
      expect(() => cloudEnvFor('weapp', missing)).toThrow(CloudEnvError);
      expect(() => cloudEnvFor('weapp', missing)).toThrow(/CLOUD_ENV is not set.*CLOUD_ENV=<your environment id> npm run build:weapp.*h5 build .* does not need it/s);
    }
  });

  it('refuses what is not an environment id: an unrendered console template, spaces, quotes', () => {
    for (const bad of ['{{env.CLOUD_ENV}}', 'bianmin prod', '"bianmin-1a2b"', '-leading-hyphen', 'x']) {
      expect(() => cloudEnvFor('weapp', bad)).toThrow(/is not a CloudBase environment id/);
    }
  });

  it('takes a real-looking id as it is, trimmed', () => {
    expect(cloudEnvFor('weapp', ' bianmin-5g8x2k1a0e3c4b7d\n')).toBe('bianmin-5g8x2k1a0e3c4b7d');
    expect(cloudEnvFor('weapp', TEST_CLOUD_ENV)).toBe(TEST_CLOUD_ENV);
  });

  it('needs nothing for h5 (the local gateway is its backend) and bakes in nothing there', () => {
    expect(cloudEnvFor('h5', undefined)).toBe('');
    expect(cloudEnvFor('h5', 'bianmin-5g8x2k1a0e3c4b7d')).toBe('');
  });
});

describe('what the weapp build compiles from node_modules', () => {
  it('finds zod’s folder to compile', () => {
    expect(transpiledDependencyDirs(__dirname)).toEqual([expect.stringMatching(/node_modules[\\/]zod$/)]);
  });

  it('takes zod’s ES module for a .cjs request, and leaves every other request alone', () => {
    expect(zodEsmRequest('zod/v4/locales/zh-CN.cjs')).toBe('zod/v4/locales/zh-CN.js');
    expect(zodEsmRequest('zod')).toBeNull();
    expect(zodEsmRequest('./zh-CN.cjs')).toBeNull();
    expect(zodEsmRequest('not-zod/x.cjs')).toBeNull();
  });
});
