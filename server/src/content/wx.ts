import { ContentCheckUnavailable, type ContentCheck, type Suggest } from './port';

/** The part of wx-server-sdk's `cloud.openapi` this adapter calls (cloud calls answer in camelCase). */
export interface SecurityOpenApi {
  security: {
    msgSecCheck(args: { openid: string; scene: number; version: number; content: string; title?: string }): Promise<{
      errCode?: number;
      errMsg?: string;
      traceId?: string;
      result?: { suggest?: string; label?: number };
    }>;
    mediaCheckAsync(args: { mediaUrl: string; mediaType: number; version: number; openid: string; scene: number }): Promise<{ errCode?: number; errMsg?: string; traceId?: string }>;
  };
}

const SUGGESTS: readonly Suggest[] = ['pass', 'review', 'risky'];

/**
 * The deployed adapter. `openapi` is a getter so that wx-server-sdk (~350 ms to require) is only
 * touched when a check actually runs. Needs `permissions.openapi` with `security.msgSecCheck` and
 * `security.mediaCheckAsync` in the tickets flow's declaration. The SDK rejects on transport errors
 * and answers WeChat's own errors in `errCode`; both become ContentCheckUnavailable, so an
 * unchecked text is never treated as passed.
 */
export function wxContentCheck(openapi: () => SecurityOpenApi): ContentCheck {
  return {
    async checkText({ content, openid, scene, title }) {
      let res: Awaited<ReturnType<SecurityOpenApi['security']['msgSecCheck']>>;
      try {
        res = await openapi().security.msgSecCheck({ openid, scene, version: 2, content, ...(title ? { title } : {}) });
      } catch (e) {
        const code = typeof (e as { errCode?: unknown }).errCode === 'number' ? (e as { errCode: number }).errCode : null;
        throw new ContentCheckUnavailable(code, `msgSecCheck failed: ${code ?? (e instanceof Error ? e.message : String(e))}`);
      }
      if (res.errCode !== undefined && res.errCode !== 0) throw new ContentCheckUnavailable(res.errCode, `msgSecCheck: ${res.errCode} ${res.errMsg ?? ''}`);
      const suggest = res.result?.suggest as Suggest | undefined;
      if (!suggest || !SUGGESTS.includes(suggest)) throw new ContentCheckUnavailable(null, 'msgSecCheck answered without result.suggest');
      return { suggest, label: Number(res.result?.label ?? 0), traceId: res.traceId ?? null };
    },
    async submitImage({ url, openid, scene }) {
      let res: Awaited<ReturnType<SecurityOpenApi['security']['mediaCheckAsync']>>;
      try {
        res = await openapi().security.mediaCheckAsync({ mediaUrl: url, mediaType: 2, version: 2, openid, scene });
      } catch (e) {
        throw new ContentCheckUnavailable(null, `mediaCheckAsync failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if ((res.errCode !== undefined && res.errCode !== 0) || !res.traceId) throw new ContentCheckUnavailable(res.errCode ?? null, `mediaCheckAsync: ${res.errCode} ${res.errMsg ?? ''}`);
      return { traceId: res.traceId };
    },
  };
}
