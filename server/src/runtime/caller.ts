import type { Caller } from './types';

/**
 * What `cloud.getWXContext()` answers (wx-server-sdk reads it from process.env). Only a
 * context with an OPENID names a resident; a timer trigger or the pay callback has none.
 */
export interface WXContextLike {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  SOURCE?: string;
  ENV?: string;
}

// wx-server-sdk never hands these out as context (they are credentials, not identity).
const CONTEXT_KEYS_BLACKLIST = new Set(['API_TOKEN', 'WX_API_TOKEN', 'TRIGGER_API_TOKEN_V0', 'WX_TRIGGER_API_TOKEN_V0']);

/**
 * The WeChat context read from the environment exactly as wx-server-sdk's getWXContext() reads
 * it (2.6: the names listed in WX_CONTEXT_KEYS, `WX_` stripped, TCB_SOURCE as SOURCE, TCB_ENV as
 * ENV), without loading the SDK: requiring wx-server-sdk is ~350 ms of a cold start and a call
 * that pays no money and sends no message never needs it. One difference, on purpose: the SDK
 * turns numeric strings into numbers; identities stay strings here.
 */
export function wxContextFromEnv(env: Record<string, string | undefined>): WXContextLike {
  const out: Record<string, string | undefined> = {};
  if (!env.WX_CONTEXT_KEYS) return out;
  for (const key of env.WX_CONTEXT_KEYS.split(',')) {
    if (!key || CONTEXT_KEYS_BLACKLIST.has(key)) continue;
    const value = env[key];
    if (value === undefined) continue;
    out[key.startsWith('WX_') && key.length > 3 ? key.slice(3) : key] = value;
  }
  out.ENV = env.TCB_ENV || env.SCF_NAMESPACE;
  if (env.TCB_SOURCE) out.SOURCE = env.TCB_SOURCE;
  return out;
}

export function callerFromWXContext(ctx: WXContextLike): Caller | null {
  if (!ctx.OPENID) return null;
  return { openid: ctx.OPENID, appid: ctx.APPID || undefined, unionid: ctx.UNIONID || undefined, source: ctx.SOURCE || 'wx_client' };
}
