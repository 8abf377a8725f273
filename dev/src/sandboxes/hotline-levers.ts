import { AppError, type Envelope } from '@bianmin/core';
import { z } from 'zod';
import { ADVANCE_TARGETS, AdvanceRefused, type AdvanceTarget, type HotlinePlatform } from './hotline';

export type { HotlinePlatform };

const advanceSchema = z.object({
  to: z.enum(ADVANCE_TARGETS as [AdvanceTarget, ...AdvanceTarget[]], { error: `to 应为 ${ADVANCE_TARGETS.join(' | ')}` }),
  text: z.string().trim().min(1).max(500, 'text 最多 500 字').optional(),
});

/**
 * The platform's dev levers, served by the local gateway only:
 * `GET /api/__dev/departments/hotline/tickets` lists what the platform holds;
 * `POST …/tickets/<no>/advance { to, text? }` moves one ticket on at the X-Dev-Now instant,
 * through every step in between (submitted → replied shows accepted and dispatched too).
 */
export function handleHotlineLever(platform: HotlinePlatform, method: string, path: string, body: string, now: Date): Envelope<unknown> {
  try {
    if (path === '/api/__dev/departments/hotline/tickets' && method === 'GET') return { ok: true, data: { tickets: platform.list() } };
    const m = /^\/api\/__dev\/departments\/hotline\/tickets\/([0-9A-Za-z-]{1,40})\/advance$/.exec(path);
    if (!m || method !== 'POST') throw new AppError('NOT_FOUND', '没有这个 12345 调试接口：GET …/hotline/tickets 或 POST …/hotline/tickets/<工单号>/advance。');
    let json: unknown;
    try {
      json = JSON.parse(body || 'null');
    } catch {
      json = null;
    }
    const p = advanceSchema.safeParse(json);
    if (!p.success) {
      const fields = Object.fromEntries(p.error.issues.map((i) => [i.path.join('.') || 'to', i.message]));
      throw new AppError('INVALID_INPUT', `推进目标应为 ${ADVANCE_TARGETS.join(' | ')}。`, { fields });
    }
    if (!platform.tickets.has(m[1])) throw new AppError('NOT_FOUND', `平台上没有工单 ${m[1]}。`);
    return { ok: true, data: platform.advance(m[1], p.data.to, now, p.data.text) };
  } catch (e) {
    if (e instanceof AdvanceRefused) return { ok: false, error: new AppError('CONFLICT', e.message).toBody() };
    if (e instanceof AppError) return { ok: false, error: e.toBody() };
    throw e;
  }
}
