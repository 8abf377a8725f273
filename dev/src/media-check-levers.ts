import { AppError, type Envelope } from '@bianmin/core';
import type { SandboxContentCheck } from '@bianmin/server/content/sandbox';
import type { Deps } from '@bianmin/server/runtime/types';
import { mediaChecksByTrace, recordVerdict } from '@bianmin/server/flows/tickets/media-checks';
import { z } from 'zod';

const verdictSchema = z.object({
  suggest: z.enum(['pass', 'review', 'risky'], { error: 'suggest 应为 pass | review | risky' }),
  /** WeChat's label (20002 色情, 20006 违法犯罪, …); 100 for a pass. */
  label: z.number().int().optional(),
  /** Not 0: WeChat could not check the photo (e.g. 43104), and sends no verdict. */
  errcode: z.number().int().optional(),
});

/**
 * The local stand-in for WeChat's 消息推送 of `wxa_media_check`, served by the gateway only:
 * `GET /api/__dev/media-checks` lists the photos the local content check was asked about (trace
 * id, URL) with what became of each; `POST /api/__dev/media-checks/<traceId>/verdict
 * { suggest, label? }` delivers WeChat's verdict on one, as the push would, to the same code the
 * deployed mediaCheckNotify runs.
 */
export async function handleMediaCheckLever(check: SandboxContentCheck, deps: Deps, method: string, path: string, body: string, now: Date): Promise<Envelope<unknown>> {
  try {
    if (path === '/api/__dev/media-checks' && method === 'GET') {
      const rows = await mediaChecksByTrace(deps, check.images.map((i) => i.traceId));
      const state = new Map(rows.map((r) => [r.traceId, r]));
      return {
        ok: true,
        data: {
          images: check.images.map((i) => {
            const r = state.get(i.traceId);
            return { traceId: i.traceId, url: i.url, ticketId: r?.ticketId ?? null, suggest: r?.suggest ?? null, outcome: r?.outcome ?? null };
          }),
        },
      };
    }
    const m = /^\/api\/__dev\/media-checks\/([0-9A-Za-z-]{1,128})\/verdict$/.exec(path);
    if (!m || method !== 'POST') throw new AppError('NOT_FOUND', '没有这个内容安全调试接口：GET …/media-checks 或 POST …/media-checks/<traceId>/verdict。');
    let json: unknown;
    try {
      json = JSON.parse(body || 'null');
    } catch {
      json = null;
    }
    const p = verdictSchema.safeParse(json);
    if (!p.success) throw new AppError('INVALID_INPUT', '结论应为 { "suggest": "pass" | "review" | "risky", "label"?: 数字 }。', { fields: Object.fromEntries(p.error.issues.map((i) => [i.path.join('.') || 'suggest', i.message])) });
    const image = check.images.find((i) => i.traceId === m[1]);
    if (!image) throw new AppError('NOT_FOUND', `本地内容安全检查没有收到过 trace_id 为 ${m[1]} 的图片。`);
    const failed = p.data.errcode !== undefined && p.data.errcode !== 0;
    const label = p.data.label ?? (p.data.suggest === 'pass' ? 100 : 20002);
    // The push as WeChat sends it (version 2).
    const event = {
      ToUserName: 'gh_sandbox000000',
      FromUserName: image.openid,
      CreateTime: Math.floor(now.getTime() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wxsandboxapp00000',
      trace_id: image.traceId,
      version: 2,
      ...(failed
        ? { detail: [], errcode: p.data.errcode, errmsg: 'sandbox: not checked' }
        : { detail: [{ strategy: 'content_model', errcode: 0, suggest: p.data.suggest, label, prob: 90 }], errcode: 0, errmsg: 'ok', result: { suggest: p.data.suggest, label } }),
    };
    return { ok: true, data: await recordVerdict(deps, event, now) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toBody() };
    throw e;
  }
}
