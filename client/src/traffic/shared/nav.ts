import Taro from '@tarojs/taro';

export const PATHS = {
  vehicles: '/traffic/pages/vehicles/index',
  add: '/traffic/pages/add/index',
  violations: '/traffic/pages/violations/index',
  violation: '/traffic/pages/violation/index',
  receipt: '/traffic/pages/receipt/index',
  /** The one payment history, bills and fines together (the bills subpackage's page). */
  orders: '/bills/pages/orders/index',
} as const;

export function violationsUrl(vehicleId: string): string {
  return `${PATHS.violations}?vehicleId=${encodeURIComponent(vehicleId)}`;
}

export function violationUrl(vehicleId: string, violationId: string): string {
  return `${PATHS.violation}?vehicleId=${encodeURIComponent(vehicleId)}&violationId=${encodeURIComponent(violationId)}`;
}

/**
 * The receipt of a fine's order. Stable: the shared 我的订单 page links fines here.
 * `justPaid`: the resident has just paid, so a still-pending order means "confirming".
 */
export function receiptUrl(orderId: string, justPaid = false): string {
  return `${PATHS.receipt}?orderId=${encodeURIComponent(orderId)}${justPaid ? '&paid=1' : ''}`;
}

/**
 * Back to a page already open further down the stack (so 返回 does not pile up copies), or
 * opened in place of the current one when it is not there. WeChat allows 10 pages on the stack.
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
