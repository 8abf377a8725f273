import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { OrderListEntry, OrderView, TrafficOrderView } from '@bianmin/core';
import { ApiError, type ApiError as ApiErrorType, callFunction } from '../api';
import { useRemote, type Remote } from '../hooks/use-remote';

/**
 * How often to ask again, by how long we have been waiting: the payment notification usually
 * lands within seconds; posting to the department may take longer when it is busy. After the
 * last step the page stops asking and offers a refresh (the server keeps trying).
 */
export const POLL_PLAN = [
  { untilMs: 15_000, everyMs: 1_500 },
  { untilMs: 60_000, everyMs: 4_000 },
  { untilMs: 180_000, everyMs: 10_000 },
];

const FINAL = new Set(['settled', 'closed', 'refunded']);

/**
 * When to ask again about an order: never once it is final, nor for an unpaid order looked up
 * from history (nothing is on its way); otherwise by the plan, until its last step.
 */
export function nextPoll(order: { status: string } | null, error: { retryable: boolean } | null, waitedMs: number, justPaid: boolean): number | null {
  if (order && (FINAL.has(order.status) || (order.status === 'pending' && !justPaid))) return null;
  if (!order && error && !error.retryable) return null;
  return POLL_PLAN.find((p) => waitedMs < p.untilMs)?.everyMs ?? null;
}

/**
 * One of the resident's orders as its flow's receipt presents it (payments.order answers every
 * kind); an order of another kind is not this page's to show.
 */
export function paymentOrder(orderId: string, flow: 'bills'): Promise<OrderView>;
export function paymentOrder(orderId: string, flow: 'traffic'): Promise<TrafficOrderView>;
export async function paymentOrder(orderId: string, flow: OrderListEntry['flow']): Promise<OrderListEntry['order']> {
  const { order } = await callFunction('payments', { action: 'order', orderId });
  if (order.flow !== flow) throw new ApiError({ code: 'NOT_FOUND', message: '没有找到这笔订单。', retryable: false });
  return order.order;
}

export interface OrderPolling<O> {
  remote: Remote<O>;
  /** Still waiting for the notification or the posting: the page says "confirming". */
  polling: boolean;
  /** Wait the whole plan again (the resident's 刷新结果). */
  restart(): Promise<void>;
}

/**
 * A receipt page's order, asked again while its payment or posting is on its way. `justPaid`:
 * the page was opened right after paying, so a still-pending order means the notification is
 * coming, not that nobody paid.
 */
export function useOrderPolling<O extends { status: string }>(orderId: string, fetchOrder: () => Promise<O>, { justPaid }: { justPaid: boolean }): OrderPolling<O> {
  const startedAt = useRef(Date.now());
  // Shown again (back from the history) or refreshed by hand: wait the whole plan again.
  useDidShow(() => {
    startedAt.current = Date.now();
  });
  // A failed poll answers with no order: the plan then goes by the last one shown.
  const lastOrder = useRef<O | null>(null);
  const remote = useRemote(
    async () => {
      if (!orderId) throw new ApiError({ code: 'NOT_FOUND', message: '缺少订单号，请从“我的订单”查看。', retryable: false });
      return fetchOrder();
    },
    { key: orderId, refreshMs: (order, error: ApiErrorType | null) => nextPoll(order ?? lastOrder.current, error, Date.now() - startedAt.current, justPaid) },
  );
  lastOrder.current = remote.data;
  const polling = remote.loading || (remote.data ? nextPoll(remote.data, null, Date.now() - startedAt.current, justPaid) !== null : false);
  return {
    remote,
    polling,
    restart: () => {
      startedAt.current = Date.now();
      return remote.reload();
    },
  };
}
