import Taro from '@tarojs/taro';
import type { UtilityKind } from '@bianmin/core';

export const PATHS = {
  households: '/bills/pages/households/index',
  bind: '/bills/pages/bind/index',
  bill: '/bills/pages/bill/index',
  result: '/bills/pages/result/index',
  orders: '/bills/pages/orders/index',
} as const;

export function householdsUrl(kind?: UtilityKind | null): string {
  return kind ? `${PATHS.households}?kind=${kind}` : PATHS.households;
}

export function billUrl(bindingId: string, kind?: UtilityKind): string {
  return `${PATHS.bill}?bindingId=${encodeURIComponent(bindingId)}${kind ? `&kind=${kind}` : ''}`;
}

/** `justPaid`: the resident has just paid, so a still-pending order means "confirming", not "unpaid". */
export function resultUrl(orderId: string, opts: { justPaid?: boolean } = {}): string {
  return `${PATHS.result}?orderId=${encodeURIComponent(orderId)}${opts.justPaid ? '&paid=1' : ''}`;
}

/**
 * Back to a page already open further down the stack (so 返回我的户号 does not pile up a second
 * copy of it), or opened in place of the current one when it is not there (a receipt opened from
 * a message). WeChat allows 10 pages on the stack.
 */
export async function backTo(path: string, fallbackUrl: string): Promise<void> {
  const stack = Taro.getCurrentPages();
  const route = path.replace(/^\//, '');
  for (let i = stack.length - 2; i >= 0; i--) {
    const p = stack[i] as { route?: string; path?: string };
    const r = (p.route ?? p.path ?? '').replace(/^\//, '').split('?')[0];
    if (r === route) {
      await Taro.navigateBack({ delta: stack.length - 1 - i });
      return;
    }
  }
  await Taro.redirectTo({ url: fallbackUrl });
}
