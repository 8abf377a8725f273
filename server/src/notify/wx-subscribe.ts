import type { Notifier } from './notifier';

/** WeChat refused a subscribe message; `errCode` is WeChat's (43101: the resident has no grant left). */
export class SubscribeSendError extends Error {
  override name = 'SubscribeSendError';
  constructor(
    readonly errCode: number,
    errMsg: string,
  ) {
    super(`subscribeMessage.send failed: ${errCode} ${errMsg}`);
  }
}

interface OpenApi {
  subscribeMessage: { send(args: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }> };
}

/**
 * The deployed notifier over wx-server-sdk's openapi (needs `permissions.openapi` with
 * `subscribeMessage.send` in the declaration of the job or flow that sends). An error from WeChat — the resident
 * withdrew the subscription (43101), a bad template — is thrown so the reminder is retried or
 * marked failed, never silently dropped.
 */
export function wxSubscribeNotifier(openapi: OpenApi, templateId: string | undefined, state: 'formal' | 'trial' | 'developer' = 'formal', ticketTemplateId?: string): Notifier {
  return {
    subscribeTemplateId: templateId,
    ticketTemplateId,
    async sendSubscribeMessage(msg) {
      const res = await openapi.subscribeMessage.send({
        touser: msg.touser,
        templateId: msg.templateId,
        page: msg.page,
        data: msg.data,
        miniprogramState: state,
      });
      if (res && typeof res.errCode === 'number' && res.errCode !== 0) throw new SubscribeSendError(res.errCode, res.errMsg ?? '');
    },
  };
}
