import type { TrafficOrderView } from '@bianmin/core';
import { formatDateTime, formatFen } from '@bianmin/core/format';
import type { ReceiptImage } from '../../payments/receipt-image/layout';
import { FINE_POSTING, orderStatusWords } from '../../payments/status';

/**
 * A fine's 缴款凭证 as an image model, on the same layout as a bill's: the vehicle (masked), the
 * decision number, fine + late fee = amount, our order number, WeChat Pay's, the traffic police's
 * receipt number and the times in Shanghai.
 */
export function fineReceiptImage(order: TrafficOrderView): ReceiptImage {
  return {
    title: '缴款凭证',
    subtitle: `交通罚款 · ${order.plateMasked}`,
    amount: formatFen(order.amount),
    status: orderStatusWords(order.status, FINE_POSTING).label,
    sections: [
      [
        { label: '车辆', value: order.plateMasked },
        { label: '处罚决定书编号', value: order.decisionNo },
      ],
      [
        { label: '罚款', value: formatFen(order.fine) },
        { label: '加处罚款', value: formatFen(order.lateFee) },
        { label: '实付金额', value: formatFen(order.amount), strong: true },
      ],
      [
        { label: '订单号', value: order.orderId },
        ...(order.transactionId ? [{ label: '微信支付单号', value: order.transactionId }] : []),
        ...(order.departmentRef ? [{ label: '交警回执号', value: order.departmentRef }] : []),
        ...(order.paidAt ? [{ label: '支付时间', value: formatDateTime(order.paidAt) }] : []),
        ...(order.settledAt ? [{ label: '销账时间', value: formatDateTime(order.settledAt) }] : []),
      ],
    ],
    footer: ['时间为北京时间。本凭证由便民根据微信支付和交警的销账结果生成；财政电子票据以缴款单位出具的为准。'],
  };
}

export function fineReceiptFileName(order: TrafficOrderView): string {
  return `缴款凭证-${order.orderId}.png`;
}
