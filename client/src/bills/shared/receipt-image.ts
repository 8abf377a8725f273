import type { OrderView } from '@bianmin/core';
import { formatDateTime, formatFen, formatMonth } from '@bianmin/core/format';
import { maskName } from '@bianmin/core/mask';
import type { ReceiptImage, ReceiptImageRow } from '../../payments/receipt-image/layout';
import { orderStatusWords, UTILITY_POSTING } from '../../payments/status';
import { KIND_INFO } from './format';

/**
 * A bill's or a top-up's 缴费凭证 as an image model: payer masked, household masked, each period
 * with its amount and late fee (a top-up: the amount and the balance before → after), the total,
 * our order number, WeChat Pay's, the department's receipt number(s) and the times in Shanghai.
 * `payer` is the household holder's name as the department gives it (already masked: 张*明); it
 * is masked again here so a full name can never reach the picture.
 */
export function billReceiptImage(order: OrderView, payer: string | null): ReceiptImage {
  const topup = order.purpose === 'topup';
  const who: ReceiptImageRow[] = [
    ...(payer ? [{ label: '缴费户主', value: maskName(payer) }] : []),
    { label: '户号', value: order.accountNoMasked },
    { label: '缴费单位', value: order.providerName },
  ];
  const periods: ReceiptImageRow[] = topup
    ? []
    : order.lines.map((l) => ({ label: formatMonth(l.period), value: `${formatFen(l.amount)}${l.lateFee > 0 ? `（含违约金 ${formatFen(l.lateFee)}）` : ''}` }));
  const money: ReceiptImageRow[] = topup
    ? [
        { label: '预存金额', value: formatFen(order.amount), strong: true },
        ...(order.topup ? [{ label: '余额', value: `${formatFen(order.topup.balanceBefore)} → ${formatFen(order.topup.balanceAfter)}` }] : []),
      ]
    : [
        { label: '账单金额', value: formatFen(order.amount - order.lateFee) },
        { label: '违约金', value: formatFen(order.lateFee) },
        { label: '实付金额', value: formatFen(order.amount), strong: true },
      ];
  // One receipt number for a single month; one per month (named by it) for several.
  const refs: ReceiptImageRow[] =
    order.lines.length > 1
      ? order.lines.filter((l) => l.departmentRef).map((l) => ({ label: `回执号 ${formatMonth(l.period)}`, value: l.departmentRef! }))
      : order.departmentRef
        ? [{ label: '缴费单位回执号', value: order.departmentRef }]
        : [];
  const ids: ReceiptImageRow[] = [
    { label: '订单号', value: order.orderId },
    ...(order.transactionId ? [{ label: '微信支付单号', value: order.transactionId }] : []),
    ...refs,
    ...(order.paidAt ? [{ label: '支付时间', value: formatDateTime(order.paidAt) }] : []),
    ...(order.settledAt ? [{ label: '入账时间', value: formatDateTime(order.settledAt) }] : []),
  ];
  return {
    title: '缴费凭证',
    subtitle: `${topup ? '预存电费' : KIND_INFO[order.kind].bill} · ${order.providerName}`,
    amount: formatFen(order.amount),
    status: orderStatusWords(order.status, UTILITY_POSTING).label,
    sections: [who, periods, money, ids].filter((s) => s.length > 0),
    footer: ['时间为北京时间。本凭证由便民根据微信支付和缴费单位的入账结果生成，不作为发票使用。'],
  };
}

/** The downloaded file's name: the order number says which payment it is. */
export function billReceiptFileName(order: OrderView): string {
  return `缴费凭证-${order.orderId}.png`;
}
