import { AppError, type SubscribeResult } from '@bianmin/core';
import { recordSubscribeResult } from '../../notify/grants';
import type { ResidentContext } from '../../runtime/types';

/**
 * The resident's answer to WeChat's prompt for the 12345 status template, reported by the client
 * right after filing (WeChat tells the mini-program, not us, and has no API to ask later). Counted
 * per resident and template (notify/grants.ts); the ticket sync spends one per status message it
 * sends through WeChat. Only the template this deployment sends counts: a report for another (an
 * old build's, a made-up one) is refused by name and changes nothing.
 */
export async function recordTicketSubscription(ctx: ResidentContext, input: { templateId: string; result: SubscribeResult }): Promise<{ granted: number }> {
  const template = ctx.deps.notifier.ticketTemplateId;
  if (!template) {
    throw new AppError('INVALID_INPUT', '12345 进度通知暂未开通微信订阅消息，进度会在“消息”里告诉你。', { fields: { templateId: '本服务未配置 12345 进度通知模板' } });
  }
  if (input.templateId !== template) {
    throw new AppError('INVALID_INPUT', '这不是 12345 进度通知的订阅消息模板，没有记录。请更新便民后重试。', { fields: { templateId: '不是 12345 进度通知的模板' } });
  }
  const db = await ctx.deps.db();
  const granted = await recordSubscribeResult(db, { openid: ctx.caller.openid, templateId: template, result: input.result, now: ctx.clock.now() });
  return { granted };
}
