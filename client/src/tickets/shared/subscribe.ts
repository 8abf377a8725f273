import Taro from '@tarojs/taro';
import type { SubscribeResult } from '@bianmin/core';
import { ticketTemplateId } from './template';

/** What the prompt came to: WeChat's answer for the template, or nothing asked / nothing answered. */
export type SubscribeAnswer = SubscribeResult | 'unavailable';

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
