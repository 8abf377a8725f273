import Taro from '@tarojs/taro';
import { parseInstant } from '@bianmin/core/time';

/**
 * Dev-only levers of the local gateway (ARCHITECTURE.md §3), used by the h5 build only:
 * - `X-Dev-OpenId`: which demo resident is calling (the gateway has no WeChat login);
 * - the stack's clock (`/api/__dev/clock`): the "模拟时间" control moves the whole local stack —
 *   jobs, sandboxes, every call — to, say, 2026-03-10 09:00, from where it runs on in real time;
 * - `X-Dev-Now`: a clock for this page's calls only, frozen (browser tests pin 23:45 with it).
 * The openid and the per-page clock persist in storage and can be set from the page address
 * (`/?dev_openid=…&dev_now=2026-03-10T23:45:00%2B08:00#/pages/hub/index`), which browser
 * tests use. A deployed function ignores both headers.
 */
const OPENID_KEY = 'bianmin.dev.openid';
const NOW_KEY = 'bianmin.dev.now';
export const DEV_SESSION_CHANGED = 'bianmin:dev-session-changed';

export interface DemoResident {
  openid: string;
  name: string;
  [more: string]: unknown;
}

function read(key: string): string | null {
  try {
    const v: unknown = Taro.getStorageSync(key);
    return typeof v === 'string' && v !== '' ? v : null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) Taro.setStorageSync(key, value);
    else Taro.removeStorageSync(key);
  } catch {
    // Storage full or blocked: the lever just does not persist.
  }
  Taro.eventCenter.trigger(DEV_SESSION_CHANGED);
}

let fromAddressApplied = false;
function applyAddressOnce(): void {
  if (fromAddressApplied || typeof window === 'undefined') return;
  fromAddressApplied = true;
  const q = new URLSearchParams(window.location.search);
  const openid = q.get('dev_openid');
  const now = q.get('dev_now');
  if (openid) write(OPENID_KEY, openid);
  if (now !== null) write(NOW_KEY, now || null);
}

export function getDevOpenId(): string | null {
  applyAddressOnce();
  return read(OPENID_KEY);
}

export function setDevOpenId(openid: string | null): void {
  write(OPENID_KEY, openid);
}

export function getDevNow(): string | null {
  applyAddressOnce();
  return read(NOW_KEY);
}


/** Where the stack's clock stands (GET /api/__dev/clock). */
export interface StackClock {
  /** ISO 8601 +08:00. */
  now: string;
  /** What it was set to; null = the real clock. */
  setTo: string | null;
  setAt: string | null;
  source: 'real' | 'DEV_NOW' | 'lever';
}

/** The stack's clock minus this page's, once known: the page shows "today" as the stack has it. */
let stackOffsetMs: number | null = null;

function clockAnswer(res: { statusCode: number; data: unknown }): StackClock {
  const body = res.data as { ok?: boolean; data?: StackClock; error?: { message?: string } } | null;
  if (res.statusCode === 200 && body?.ok && typeof body.data?.now === 'string') {
    const at = Date.parse(body.data.now);
    stackOffsetMs = body.data.setTo && Number.isFinite(at) ? at - Date.now() : 0;
    return body.data;
  }
  throw new Error(body?.error?.message ?? '本地服务没有回应调试时钟的请求。');
}

export async function loadStackClock(): Promise<StackClock> {
  return clockAnswer(await Taro.request({ url: '/api/__dev/clock', method: 'GET', timeout: 10000 }));
}

/**
 * Moves the whole local stack to `iso` (null: back to the real clock). This page's own frozen
 * clock, if any, is dropped: from now on it follows the stack like everything else.
 */
export async function setStackClock(iso: string | null): Promise<StackClock> {
  const res = iso
    ? await Taro.request({ url: '/api/__dev/clock', method: 'POST', data: { now: iso }, header: { 'content-type': 'application/json' }, timeout: 10000 })
    : await Taro.request({ url: '/api/__dev/clock', method: 'DELETE', timeout: 10000 });
  const state = clockAnswer(res);
  write(NOW_KEY, null);
  return state;
}

/** "Now" as the app's calls see it: this page's frozen clock, else the stack's when it is set; null = the device's. */
export function devClockNow(): Date | null {
  const pinned = getDevNow();
  const at = pinned ? parseInstant(pinned) : null;
  if (at) return at;
  return stackOffsetMs ? new Date(Date.now() + stackOffsetMs) : null;
}

let fixtures: Promise<DemoResident[]> | null = null;

/** The demo residents from `GET /api/__dev/fixtures`, fetched once per page load. */
export function loadDemoResidents(): Promise<DemoResident[]> {
  if (!fixtures) {
    fixtures = Taro.request<{ residents?: DemoResident[] }>({ url: '/api/__dev/fixtures', method: 'GET', timeout: 10000 })
      .then((res) => {
        const list = res.statusCode === 200 && Array.isArray(res.data?.residents) ? res.data.residents : null;
        if (!list) throw new Error(`fixtures answered ${res.statusCode}`);
        return list.filter((r) => typeof r?.openid === 'string' && r.openid !== '');
      })
      .catch((e: unknown) => {
        fixtures = null; // let the next call try again
        throw e;
      });
  }
  return fixtures;
}

/** The openid to call as: the stored one, else the first demo resident (then stored). */
export async function ensureDevOpenId(): Promise<string | null> {
  const stored = getDevOpenId();
  if (stored) return stored;
  try {
    const [first] = await loadDemoResidents();
    if (first) setDevOpenId(first.openid);
    return first?.openid ?? null;
  } catch {
    return null; // the call goes out without it and the gateway answers UNAUTHENTICATED
  }
}

let clockAsked = false;

export async function devHeaders(): Promise<Record<string, string>> {
  // Once per page load: learn the stack's clock, so dates shown relative to today use its today.
  if (!clockAsked) {
    clockAsked = true;
    void loadStackClock().catch(() => undefined);
  }
  const headers: Record<string, string> = {};
  const openid = await ensureDevOpenId();
  if (openid) headers['X-Dev-OpenId'] = openid;
  const now = getDevNow();
  if (now) headers['X-Dev-Now'] = now;
  return headers;
}

/** 张小明 → 张*明, 李四 → 李*: enough to tell demo residents apart on screen. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
