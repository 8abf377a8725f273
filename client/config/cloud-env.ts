/**
 * The CloudBase environment a weapp build calls (`wx.cloud.init({ env })`), read from `CLOUD_ENV`
 * at build time and baked into the bundle. There is no safe default: a made-up id ships a
 * mini-program that calls an environment that does not exist (every cloud call fails on the
 * phone, nothing fails at build time), and a real one would point a developer's build at
 * production. So a weapp build without it stops and says why. The h5 build never calls
 * CloudBase (it posts to the local gateway's /api), so it needs none.
 *
 * `npm test` builds with {@link TEST_CLOUD_ENV} (scripts/test.mjs sets it, and only it).
 */

/** The environment id npm test builds the weapp with: it names no real environment on purpose. */
export const TEST_CLOUD_ENV = 'bianmin-test-env';

/**
 * What CloudBase accepts as an environment id, as far as a build can tell: letters, digits and
 * hyphens (the console's ids look like `bianmin-5g8x2k1a0e3c4b7d`). Anything else — spaces, a
 * console's unrendered `{{env.CLOUD_ENV}}`, quotes — is a mistake in the build's environment.
 */
const ENV_ID = /^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/;

export class CloudEnvError extends Error {
  override name = 'CloudEnvError';
}

/**
 * The value of `process.env.CLOUD_ENV` in the bundle for `platform` (Taro's TARO_ENV): the
 * trimmed id on weapp, '' on h5. Throws a CloudEnvError naming what to do on weapp when the id
 * is missing, blank or not an id.
 */
export function cloudEnvFor(platform: string | undefined, value: string | undefined): string {
  if (platform !== 'weapp') return '';
  const id = (value ?? '').trim();
  if (!id) {
    throw new CloudEnvError(
      'CLOUD_ENV is not set: a weapp build must name the CloudBase environment the mini-program calls (wx.cloud.init), ' +
        'and there is no default. Build with `CLOUD_ENV=<your environment id> npm run build:weapp` ' +
        '(the id is in the CloudBase console; npm test uses CLOUD_ENV=' +
        TEST_CLOUD_ENV +
        '). The h5 build (npm run build:h5, npm start) does not need it.',
    );
  }
  if (!ENV_ID.test(id)) {
    throw new CloudEnvError(`CLOUD_ENV=${JSON.stringify(id)} is not a CloudBase environment id (letters, digits and hyphens, as the CloudBase console shows it).`);
  }
  return id;
}
