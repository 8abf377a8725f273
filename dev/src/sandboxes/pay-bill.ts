import { fenToYuan } from '@bianmin/core';
import { BILL_COLUMNS, BILL_TOTAL_COLUMNS } from '@bianmin/server/reconcile/statement';

/** One transaction line of the sandbox's statement, before formatting. */
export interface BillLine {
  /** Beijing time, `YYYY-MM-DD HH:mm:ss`. */
  at: string;
  transactionId: string;
  orderId: string;
  status: 'SUCCESS' | 'REFUND';
  /** Fen: the order's amount. */
  amount: number;
  refund?: { refundId: string; outRefundNo: string; amount: number };
}

const tick = (v: string) => `\`${v}`;

/**
 * WeChat Pay's statement of a day (bill_type ALL) in its own layout: backtick-prefixed values,
 * amounts in yuan, a totals header and line at the end (server/src/reconcile/statement.ts reads it).
 */
export function formatBill(lines: BillLine[], subMchId: string): string {
  const rows = lines.map((l) => {
    const fee = l.status === 'SUCCESS' ? ((l.amount * 0.006) / 100).toFixed(5) : '0.00000';
    const cells: Record<(typeof BILL_COLUMNS)[number], string> = {
      交易时间: l.at,
      公众账号ID: 'wxsandboxapp00000',
      商户号: '1900000001',
      特约商户号: subMchId,
      设备号: '',
      微信订单号: l.transactionId,
      商户订单号: l.orderId,
      用户标识: 'oSandboxPayer0000000000000000',
      交易类型: 'JSAPI',
      交易状态: l.status,
      付款银行: 'OTHERS',
      货币种类: 'CNY',
      应结订单金额: fenToYuan(l.status === 'SUCCESS' ? l.amount : 0),
      代金券金额: '0.00',
      微信退款单号: l.refund?.refundId ?? '0',
      商户退款单号: l.refund?.outRefundNo ?? '0',
      退款金额: fenToYuan(l.refund?.amount ?? 0),
      充值券退款金额: '0.00',
      退款类型: l.refund ? 'ORIGINAL' : '',
      退款状态: l.refund ? 'SUCCESS' : '',
      商品名称: '便民缴费',
      商户数据包: '',
      手续费: fee,
      费率: '0.60%',
      订单金额: fenToYuan(l.amount),
      申请退款金额: fenToYuan(l.refund?.amount ?? 0),
      费率备注: '',
    };
    return BILL_COLUMNS.map((c) => tick(cells[c])).join(',');
  });
  const settled = lines.filter((l) => l.status === 'SUCCESS').reduce((s, l) => s + l.amount, 0);
  const refunded = lines.reduce((s, l) => s + (l.refund?.amount ?? 0), 0);
  const fees = lines.filter((l) => l.status === 'SUCCESS').reduce((s, l) => s + (l.amount * 0.006) / 100, 0);
  const totals = [String(lines.length), fenToYuan(settled), fenToYuan(refunded), '0.00', fees.toFixed(5), fenToYuan(lines.reduce((s, l) => s + l.amount, 0)), fenToYuan(refunded)];
  return [BILL_COLUMNS.join(','), ...rows, BILL_TOTAL_COLUMNS.join(','), totals.map(tick).join(',')].join('\r\n') + '\r\n';
}
