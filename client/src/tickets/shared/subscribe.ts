import Taro from '@tarojs/taro';
import type { SubscribeResult } from '@bianmin/core';

/** What the prompt came to: WeChat's answer for the template, or nothing asked / nothing answered. */
export type SubscribeAnswer = SubscribeResult | 'unavailable';

/**
 * The subscribe-message template of a 12345 ticket's status (the tickets worker's
 * TICKET_TEMPLATE_ID), defined at build time like REMINDER_TEMPLATE_ID. Read defensively: when the
 * build does not define it, `process` may not exist at all in the mini-program runtime.
 */
export function ticketTemplateId(): string {
  try {
    return process.env.TICKET_TEMPLATE_ID || '';
  } catch {
    return '';
  }
}

/**
 * weapp: WeChat's prompt for the ticket status template. WeChat shows it only when asked from a
 * tap — so this is called synchronously in 提交诉求's handler, before anything is awaited — and
 * tells only the mini-program what was chosen: the answer goes to the server afterwards
 * (`tickets.subscribed`), which counts the grants. No template built in, or the resident's
 * main switch off (WeChat fails the call): 'unavailable', and the ticket is filed all the same.
 * h5 takes subscribe.h5.ts (a stand-in sheet).
 */
export function requestTicketSubscription(): Promise<SubscribeAnswer> {
  const id = ticketTemplateId();
  if (!id) return Promise.resolve('unavailable');
  return Promise.resolve(Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option)).then(
    (res) => {
      const answer = (res as unknown as Record<string, unknown>)[id];
      return answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter' ? answer : 'unavailable';
    },
    () => 'unavailable' as const,
  );
}
