/**
 * client/config/index.ts as Taro calls it, without a build: the CLOUD_ENV rule is wired in before
 * anything is compiled, and what ends up as `process.env.CLOUD_ENV` in each platform's bundle.
 */
jest.mock('@tarojs/cli', () => ({ defineConfig: (f: unknown) => f }));

type Config = { env: Record<string, string>; mini: { compile: { include: string[] } } };
type Loader = (merge: (...objs: object[]) => object, env: object) => Promise<Config>;
// Taro merges the base config with dev/prod deeply (lodash's merge).
const merge = (...objs: object[]) => (require('lodash') as { merge: (...o: object[]) => object }).merge({}, ...objs);

async function load(taroEnv: 'weapp' | 'h5', cloudEnv: string | undefined): Promise<Config> {
  const saved = { TARO_ENV: process.env.TARO_ENV, CLOUD_ENV: process.env.CLOUD_ENV };
  process.env.TARO_ENV = taroEnv;
  if (cloudEnv === undefined) delete process.env.CLOUD_ENV;
  else process.env.CLOUD_ENV = cloudEnv;
  try {
    let config!: Loader;
    jest.isolateModules(() => {
      config = (require('./index') as { default: Loader }).default;
    });
    return await config(merge, { command: 'build', mode: 'production' });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

let exit: jest.SpyInstance;
let printed: jest.SpyInstance;
beforeEach(() => {
  exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw new Error(`process.exit(${code})`);
  }) as never);
  printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

it('stops a weapp build without CLOUD_ENV with exit code 1 and the reason as the last words', async () => {
  await expect(load('weapp', undefined)).rejects.toThrow('process.exit(1)');
  expect(exit).toHaveBeenCalledWith(1);
  expect(printed.mock.calls.flat().join('')).toMatch(/CLOUD_ENV is not set/);
});

it('bakes the given environment into the weapp bundle, and compiles zod with our own sources', async () => {
  const config = await load('weapp', 'bianmin-test-env');
  expect(config.env.CLOUD_ENV).toBe('"bianmin-test-env"');
  expect(config.mini.compile.include).toEqual(expect.arrayContaining([expect.stringMatching(/[\\/]core$/), expect.stringMatching(/node_modules[\\/]zod$/)]));
  expect(exit).not.toHaveBeenCalled();
});

it('builds h5 without CLOUD_ENV, and no environment id ends up in its bundle', async () => {
  const config = await load('h5', undefined);
  expect(config.env.CLOUD_ENV).toBe('""');
  expect(exit).not.toHaveBeenCalled();
});
