/**
 * How long the mini-program waits for one cloud function call before it says the network timed
 * out. It must be longer than the longest timeout of a function a resident calls (bills and
 * traffic, 37 s: their worst case is a department timing out twice and WeChat Pay slowly
 * expiring a superseded order; server/src/runtime/budgets.ts), or the phone would give up on a
 * call the function is still finishing — a payment placed that the resident never sees.
 * budgets.test.ts holds the two together.
 */
export const CALL_TIMEOUT_MS = 40_000;
