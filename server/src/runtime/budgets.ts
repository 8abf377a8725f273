/**
 * How long each cloud function may run, and why. CloudBase kills a function at its `timeout`
 * (1–60 s), so every function's worst case has to fit under it: each flow declares its
 * worst case (`budget` in its defineFlow, written out path by path from the figures below),
 * every worker runs within WORKER_BUDGET_MS, the deployment's timeout is derived from them
 * (`timeoutFor`), and budgets.test.ts checks every deployed function against CloudBase's limits. A function
 * killed mid-call loses nothing (every write is a transaction, every job row a lease), but a
 * resident waits and WeChat retries. Every outside call below has a deadline of its own (the
 * department client's AbortSignal, `withTimeout` around the SDK calls that have none).
 */
import { LICENCE_PHOTO_MAX_BYTES, TICKET_PHOTO_MAX_BYTES, TICKET_PHOTO_READ_CONCURRENCY, TICKET_VIDEO_MAX_BYTES } from '../storage/limits';
import { MEMORY_SIZES, type MemorySize } from './deployment';

/** CloudBase's ceiling for a function's `timeout`. */
export const MAX_FUNCTION_TIMEOUT_S = 60;

/** DEPT_TIMEOUT_MS may not exceed this (config validation): the budgets below assume it. */
export const MAX_DEPARTMENT_TIMEOUT_MS = 5000;
/** The department client makes one retry (departments/client.ts): two calls at most. */
export const DEPARTMENT_ATTEMPTS = 2;
/** …with at most this backoff between them. */
export const DEPARTMENT_RETRY_DELAY_MS = 800;
/** A health probe waits at most this (departments/client.ts). */
export const HEALTH_PROBE_MS = 1500;
/** Each cloudPay call (unifiedOrder, queryOrder, closeOrder, refund) is given up after this. */
export const PAY_CALL_TIMEOUT_MS = 5000;
/** Opening the database on a cold instance plus a handful of queries. */
export const DATABASE_ALLOWANCE_MS = 3000;
/** A Tencent Cloud API call (OCR, FaceID): the SDK's reqTimeout (tencentcloud/config.ts); the SDK does not retry. */
export const TENCENT_CLOUD_CALL_MS = 6000;
/** One storage call (getTempFileURL; a HEAD of the temporary URL), given up after this. */
export const STORAGE_CALL_MS = 2000;
/** The slowest download from CloudBase storage we plan for: 10 MB/s, in bytes per ms. */
export const STORAGE_BYTES_PER_MS = (10 * 1024 * 1024) / 1000;
/** WeChat's cloud calls for content (msgSecCheck, mediaCheckAsync) and subscribe messages, given up after this. */
export const WECHAT_CALL_MS = 3000;
/**
 * Before the handler runs on a cold instance: requiring the bundle (~120 ms) and, for a cloud
 * call, wx-server-sdk (~350 ms), measured by `npm run bench`; rounded up.
 */
export const COLD_START_MS = 1000;

/** One department call, retries included. */
export const departmentCallMs = (timeoutMs: number) => timeoutMs * DEPARTMENT_ATTEMPTS + DEPARTMENT_RETRY_DELAY_MS;

/** Downloading a file of `bytes` (its size is known first: Storage.stat). */
export const storageReadMs = (bytes: number) => STORAGE_CALL_MS + Math.ceil(bytes / STORAGE_BYTES_PER_MS);

/**
 * What a worker may spend on its items: the rest of CloudBase's 60 s is for the database, a cold
 * start and a margin. Every worker stops taking items when the next might not finish within it.
 */
export const WORKER_BUDGET_MS = MAX_FUNCTION_TIMEOUT_S * 1000 - DATABASE_ALLOWANCE_MS - COLD_START_MS - 4000;

/** One opening reminder: a department probe and a subscribe message. */
export const REMINDER_ITEM_MS = HEALTH_PROBE_MS + WECHAT_CALL_MS;

/** Filing one ticket: its photos' display URLs (in parallel), then the platform's create. */
export const ticketFilingMs = (departmentTimeoutMs: number) => STORAGE_CALL_MS + departmentCallMs(departmentTimeoutMs);

/**
 * A ticket's files are read (sizes first, then the bytes) within this, or the submission is
 * refused as "try again": enough for the largest single file after the sizes, whatever the rest.
 */
export const TICKET_MEDIA_MS = 12_000;
/**
 * tickets.submit tries the platform once and answers "saved, filed when it is back" after this:
 * the ticket is already written, the worker files it (creation is idempotent on our id).
 */
export const TICKET_PLATFORM_ATTEMPT_MS = MAX_DEPARTMENT_TIMEOUT_MS + STORAGE_CALL_MS;

/** An expiry a resident's own call runs (a pending order superseded or outpriced): one, at most. */
export const IN_CALL_EXPIRY_MS = 3 * PAY_CALL_TIMEOUT_MS;

/** The bytes a function may hold at once, from the declared file limits. */
export const PEAK_FILE_BYTES = {
  tickets: Math.max(TICKET_PHOTO_READ_CONCURRENCY * TICKET_PHOTO_MAX_BYTES, TICKET_VIDEO_MAX_BYTES),
  traffic: LICENCE_PHOTO_MAX_BYTES,
} as const;

/** The timeout a function declares: its worst case and a cold start, rounded up to the second. */
export function timeoutFor(worstCaseMs: number): number {
  return Math.ceil((worstCaseMs + COLD_START_MS) / 1000);
}

/**
 * Resident memory of a function with everything loaded (bundle, wx-server-sdk, pg): 81 MB RSS
 * measured on Node 20.19, rounded up.
 */
export const RUNTIME_BASELINE_MB = 96;

/**
 * A function's memorySize: the baseline and twice the file bytes it may hold at once (a
 * download is buffered in chunks, then concatenated: both live at the peak), to the next size
 * CloudBase offers.
 */
export function memoryFor(peakFileBytes = 0): MemorySize {
  const need = RUNTIME_BASELINE_MB + (2 * peakFileBytes) / (1024 * 1024);
  const size = MEMORY_SIZES.find((m) => m >= need && m >= 256);
  if (!size) throw new Error(`${need} MB is more than CloudBase offers`);
  return size;
}

/** A call given up on by `withTimeout`: nothing is known of its outcome. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/** Gives up waiting on a call that has no deadline of its own (the cloudPay SDK). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
