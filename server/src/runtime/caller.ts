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
}

export function callerFromWXContext(ctx: WXContextLike): Caller | null {
  if (!ctx.OPENID) return null;
  return { openid: ctx.OPENID, appid: ctx.APPID || undefined, unionid: ctx.UNIONID || undefined, source: ctx.SOURCE || 'wx_client' };
}
