import type * as H5 from './dev-session';

/**
 * The weapp side of dev-session.ts, chosen by Taro's platform-suffix resolution: in the
 * mini-program the caller is the WeChat user and the clock is the phone's, so there are no
 * dev levers and none of the h5 loader (address parsing, GET /api/__dev/fixtures) ships.
 * Only what weapp code imports is here; the types are the h5 module's, so they cannot drift.
 */
export const devClockNow: typeof H5.devClockNow = () => null;
