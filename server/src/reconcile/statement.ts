import { parseYuan } from '@bianmin/core';

/**
 * WeChat Pay's statement of a day (对账单, `downloadBill` with bill_type ALL), as the v2 API gives
 * it to a service provider's sub-merchant: a header line, one line per transaction, then a totals
 * header and a totals line. Every value is prefixed with a backtick (so spreadsheets keep long
 * numbers as text), amounts are in yuan with two decimals, times are Beijing time. A payment's
 * line says SUCCESS; a refund's says REFUND and carries the refund's numbers. One module writes it
 * (the WeChat Pay sandbox) and this one reads it, from the same column list.
 */
export const BILL_COLUMNS = [
  '交易时间', '公众账号ID', '商户号', '特约商户号', '设备号', '微信订单号', '商户订单号', '用户标识', '交易类型', '交易状态',
  '付款银行', '货币种类', '应结订单金额', '代金券金额', '微信退款单号', '商户退款单号', '退款金额', '充值券退款金额', '退款类型', '退款状态',
  '商品名称', '商户数据包', '手续费', '费率', '订单金额', '申请退款金额', '费率备注',
] as const;

export const BILL_TOTAL_COLUMNS = ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'] as const;

export interface StatementPayment {
  kind: 'payment';
  /** Beijing time as printed, `YYYY-MM-DD HH:mm:ss`. */
  at: string;
  transactionId: string;
  orderId: string;
  /** Fen. */
  amount: number;
}

export interface StatementRefund {
  kind: 'refund';
  at: string;
  transactionId: string;
  orderId: string;
  refundId: string;
  /** Fen. */
  amount: number;
  status: string;
}

export interface Statement {
  payments: StatementPayment[];
  refunds: StatementRefund[];
  /** The totals line: transactions and the settled amount, fen. */
  totals: { count: number; settled: number; refunded: number };
}

export class StatementError extends Error {
  override name = 'StatementError';
}

const cells = (line: string) => line.split(',').map((c) => (c.startsWith('`') ? c.slice(1) : c).trim());

function fen(s: string, what: string, line: number): number {
  const v = parseYuan(s);
  if (v === null) throw new StatementError(`line ${line}: ${what} "${s.slice(0, 20)}" is not an amount in yuan`);
  return v;
}

/** Reads a statement; anything that is not in WeChat's shape is refused, naming the line. */
export function parseStatement(text: string): Statement {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = cells(lines[0] ?? '');
  if (header.join(',') !== BILL_COLUMNS.join(',')) throw new StatementError('the header is not the ALL statement of a service provider');
  const totalsAt = lines.findIndex((l) => cells(l)[0] === BILL_TOTAL_COLUMNS[0]);
  if (totalsAt < 1 || !lines[totalsAt + 1]) throw new StatementError('no totals at the end: the statement is cut off');
  const col = (name: (typeof BILL_COLUMNS)[number]) => BILL_COLUMNS.indexOf(name);
  const out: Statement = { payments: [], refunds: [], totals: { count: 0, settled: 0, refunded: 0 } };
  for (let i = 1; i < totalsAt; i++) {
    const c = cells(lines[i]);
    if (c.length !== BILL_COLUMNS.length) throw new StatementError(`line ${i + 1}: ${c.length} columns, expected ${BILL_COLUMNS.length}`);
    const status = c[col('交易状态')];
    const base = { at: c[col('交易时间')], transactionId: c[col('微信订单号')], orderId: c[col('商户订单号')] };
    if (status === 'SUCCESS') out.payments.push({ kind: 'payment', ...base, amount: fen(c[col('应结订单金额')], '应结订单金额', i + 1) });
    else if (status === 'REFUND') {
      out.refunds.push({ kind: 'refund', ...base, refundId: c[col('商户退款单号')], amount: fen(c[col('退款金额')], '退款金额', i + 1), status: c[col('退款状态')] });
    }
    // REVOKED and the like move no money we book.
  }
  const t = cells(lines[totalsAt + 1]);
  out.totals = { count: Number(t[0]), settled: fen(t[1], '应结订单总金额', totalsAt + 2), refunded: fen(t[2], '退款总金额', totalsAt + 2) };
  if (!Number.isInteger(out.totals.count) || out.totals.count !== out.payments.length + out.refunds.length) {
    throw new StatementError(`the totals count ${t[0]} transactions, the statement lists ${out.payments.length + out.refunds.length}`);
  }
  return out;
}
