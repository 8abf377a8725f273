import type { BillView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/format';
import type { PillTone } from '../../ui/status-pill';

/** A bill's own state in words: paid, being paid (ours: 待支付, the resident may have cancelled; a family member's), overdue, due. */
export function billState(bill: Pick<BillView, 'status' | 'orderId' | 'overdueDays'>): { label: string; tone: PillTone } {
  if (bill.status === 'paid') return { label: '已缴清', tone: 'ok' };
  if (bill.status === 'pending') return bill.orderId ? { label: '待支付', tone: 'warn' } : { label: '家人支付中', tone: 'progress' };
  return bill.overdueDays > 0 ? { label: '已逾期', tone: 'danger' } : { label: '待缴', tone: 'warn' };
}

/**
 * How a prepay meter's balance and the household's bills relate, said beside both: the balance
 * keeps the power on (used up, the power stops); a bill already issued is owed apart from it,
 * its late fee growing, and topping up does not pay it.
 */
export function prepaidNote(balance: number, owed: number): string {
  const balanceLine = `余额 ${formatFen(balance)} 用于之后用电，余额用完会停电，可随时预存。`;
  if (owed <= 0) return `${balanceLine}这户目前没有待缴账单。`;
  return `${balanceLine}上面的应缴 ${formatFen(owed)} 是已经出账的电费，要另外缴清（逾期按日计违约金）；预存的钱只进余额，不会抵扣这笔欠费。`;
}
