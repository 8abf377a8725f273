import { SubscribeSendError } from './wx-subscribe';

/**
 * Outbound messages to a resident outside the app. On CloudBase: a one-time subscribe message
 * (cloud.openapi.subscribeMessage.send). Locally there is no WeChat: the in-app message centre
 * is the only channel, and this port records what would have been sent.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, { value: string }>;
}

export interface Notifier {
  /** Whether subscribe messages can be sent here at all (a template is configured). */
  readonly subscribeTemplateId?: string;
  /** The template for a 12345 ticket's status changes, when configured. */
  readonly ticketTemplateId?: string;
  sendSubscribeMessage(msg: SubscribeMessage): Promise<void>;
}

/**
 * The local stack's notifier: keeps what it was asked to send, so tests and people can see it.
 * `refusals`: WeChat error codes to answer the next sends with, in order (43101: the resident
 * has no grant left), as wx-subscribe.ts would report them.
 */
export function recordingNotifier(
  templateId = 'dev-reminder-template',
  ticketTemplateId = 'dev-ticket-template',
): Notifier & { sent: SubscribeMessage[]; refusals: number[] } {
  const sent: SubscribeMessage[] = [];
  const refusals: number[] = [];
  return {
    subscribeTemplateId: templateId,
    ticketTemplateId,
    sent,
    refusals,
    async sendSubscribeMessage(msg) {
      const refused = refusals.shift();
      if (refused !== undefined) throw new SubscribeSendError(refused, 'refused by the local stand-in for WeChat');
      sent.push(msg);
    },
  };
}
