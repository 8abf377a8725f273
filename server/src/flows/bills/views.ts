import { addDays, type BillView, type BindingView, maskAccountNo, type OrderStatus, type OrderView, providerById, type ProviderId, toShanghaiIso, type UtilityKind, utilityLateFee } from '@bianmin/core';
import type { bindings } from '../../db/schema';
import type { UtilityBill } from '../../departments/utility';
import { type OrderLineRow, orderLifecycle, type OrderRow, type RefundRow } from '../../payments/orders';

/** How the bills flow presents its rows and the department's answers to a resident. */

/** A household binding as the resident sees it: the account number masked, the holder's name as the department masks it. */
export function bindingView(r: typeof bindings.$inferSelect): BindingView {
  return {
    bindingId: r.id,
    providerId: r.providerId as ProviderId,
    providerName: providerById(r.providerId)?.name ?? r.providerId,
    kind: r.kind as UtilityKind,
    accountNoMasked: maskAccountNo(r.accountNo),
    label: r.label,
    holderName: r.holderName,
    address: r.address,
    createdAt: toShanghaiIso(r.createdAt),
    dueReminders: r.dueReminders,
  };
}

/** A department bill as the resident sees it today: late fee as of today, and our own payment state. */
export function billView(b: UtilityBill, asOf: string, live: OrderRow | undefined, viewer?: string): BillView {
  const owed = b.status === 'unpaid';
  const { lateFee, overdueDays } = owed ? utilityLateFee(b.amount, b.dueDate, asOf) : { lateFee: 0, overdueDays: 0 };
  const tomorrow = owed ? utilityLateFee(b.amount, b.dueDate, addDays(asOf, 1)).lateFee : 0;
  // Our order knows before the department does: once we have the money the bill is not offered again.
  const status: BillView['status'] = !owed ? 'paid' : live?.status === 'pending' ? 'pending' : live ? 'paid' : 'unpaid';
  return {
    billId: b.billId,
    period: b.period,
    usage: { value: b.usage, unit: b.unit },
    lines: b.lines,
    amount: b.amount,
    lateFee,
    overdueDays,
    amountDue: b.amount + lateFee,
    amountTomorrow: b.amount + tomorrow,
    dueDate: b.dueDate,
    status,
    // Another household member's order shows as "pending"/"paid", never by its id: an order id
    // opens nothing of theirs, but it is theirs.
    ...(live && live.openid === viewer ? { orderId: live.id } : {}),
  };
}

/** A bill or top-up order as the resident sees it: one line per bill it pays (one for a single bill or a top-up). */
export function orderView(r: OrderRow, refund?: RefundRow, lines: OrderLineRow[] = []): OrderView {
  const provider = providerById(r.providerId);
  return {
    orderId: r.id,
    billId: r.subjectId,
    bindingId: r.bindingId,
    kind: (provider?.kind ?? 'water') as UtilityKind,
    providerName: provider?.name ?? r.providerId,
    accountNoMasked: maskAccountNo(r.accountRef),
    period: r.subjectLabel,
    amount: r.amount,
    lateFee: r.lateFee,
    status: r.status as OrderStatus,
    ...orderLifecycle(r, refund),
    ...(r.kind === 'prepaid_topup' ? { purpose: 'topup' as const } : {}),
    lines: lines.length
      ? lines.map((l) => ({ billId: l.billId, period: l.period, amount: l.amount, lateFee: l.lateFee, ...(l.departmentRef ? { departmentRef: l.departmentRef } : {}) }))
      : [{ billId: r.subjectId, period: r.subjectLabel, amount: r.amount, lateFee: r.lateFee, ...(r.departmentRef ? { departmentRef: r.departmentRef } : {}) }],
  };
}
