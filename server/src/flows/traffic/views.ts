import { channelOrderIdOf } from '../../payments/channels';
import {
  addDays,
  fineCapReachedOn,
  fineLateFee,
  type LateFeeView,
  lateFeeSentence,
  maskPlateDisplay,
  type OrderStatus,
  parseInstant,
  PLATE_KIND_INFO,
  shanghaiDate,
  type PlateKind,
  toShanghaiIso,
  type TrafficOrderStatus,
  type TrafficOrderView,
  type VehicleView,
  type ViolationView,
} from '@bianmin/core';
import { PAID_ORDER_STATUSES } from '@bianmin/core/orders';
import type { vehicles } from '../../db/schema';
import type { TrafficViolation } from '../../departments/traffic';
import { NOT_LIVE, orderLifecycle, type OrderRow, type RefundRow } from '../../payments/orders';

/** How the traffic flow presents its rows and the traffic police's answers to a resident. */

/** A fine's order as the resident sees it: the plate masked, the decision number its receipt prints. */
export function trafficOrderView(r: OrderRow, refund?: RefundRow): TrafficOrderView {
  return {
    orderId: r.id,
    kind: 'traffic_fine',
    violationId: r.subjectId,
    vehicleId: r.bindingId,
    plateMasked: maskPlateDisplay(r.accountRef),
    decisionNo: r.subjectLabel,
    fine: r.amount - r.lateFee,
    lateFee: r.lateFee,
    amount: r.amount,
    status: r.status as TrafficOrderStatus,
    ...orderLifecycle(r, refund),
    channel: channelOrderIdOf(r) ? 'nontax' : 'cloudpay',
  };
}

/** A vehicle as its resident sees it: the plate masked. */
export function vehicleView(r: typeof vehicles.$inferSelect): VehicleView {
  const kind = r.plateKind as PlateKind;
  return {
    vehicleId: r.id,
    plateMasked: maskPlateDisplay(r.plate),
    plateKind: kind,
    plateKindName: PLATE_KIND_INFO[kind]?.name ?? r.plateKind,
    vehicleType: r.vehicleType,
    label: r.label,
    createdAt: toShanghaiIso(r.createdAt),
  };
}

const SOURCE_NAME = { electronic: '电子监控', onsite: '现场处罚' } as const;

const tomorrowOf = (date: string) => addDays(date, 1);

function lateFeeView(fine: number, decisionDate: string, asOf: string): LateFeeView {
  const f = fineLateFee(fine, decisionDate, asOf);
  return { overdueDays: f.overdueDays, lateFee: f.lateFee, amountDue: fine + f.lateFee, capped: f.capped, note: lateFeeSentence(f) };
}

/** Why a record cannot be accepted online, or undefined when it can. */
export function confirmBlock(v: TrafficViolation): string | undefined {
  if (v.status === 'under_appeal') return '该记录正在申诉复核中，复核结束前不能确认或缴款。';
  if (v.status !== 'unhandled') return undefined;
  if (v.source !== 'electronic') return '现场处罚记录已由民警当场处理，无需确认。';
  if (v.points > 0) {
    // Points go on a driver's licence, not a vehicle: only the driver can accept them, with their licence.
    return `该违法行为记 ${v.points} 分。记分记在驾驶人的驾驶证上，须由当时驾驶的机动车驾驶人本人使用驾驶证在交管 12123 或交警窗口处理，车主不能代为确认。`;
  }
  return undefined;
}

/** A department record as the resident sees it today: group, late fee today and tomorrow, our own payment state. */
export function violationView(v: TrafficViolation, asOf: string, live: OrderRow | undefined, evidenceUrl: (p: string) => string): ViolationView {
  // Our order knows before the department does: once we have the money it is not offered again.
  // Only money we hold counts: an order closed unpaid, or refused and refunded (refund_pending,
  // refunded), leaves the fine owed at the department, its late fee growing — so it is owed here too.
  const ours = live && !NOT_LIVE.includes(live.status as OrderStatus) ? live : undefined;
  const paidByUs = ours !== undefined && PAID_ORDER_STATUSES.includes(ours.status as OrderStatus);
  const status: ViolationView['status'] =
    v.status === 'paid' || paidByUs ? 'paid' : v.status === 'decided' && ours?.status === 'pending' ? 'paying' : v.status;
  const group: ViolationView['group'] = status === 'paid' ? 'done' : status === 'decided' || status === 'paying' ? 'payable' : 'todo';
  const block = confirmBlock(v);
  const payable = group === 'payable' && v.decisionDate;
  const paidAmount = status !== 'paid' ? undefined : paidByUs ? ours.amount : paidElsewhere(v);
  return {
    violationId: v.violationId,
    occurredAt: v.occurredAt,
    place: v.place,
    code: v.code,
    description: v.description,
    law: v.law,
    basis: v.basis,
    fine: v.fine,
    points: v.points,
    source: v.source,
    sourceName: SOURCE_NAME[v.source],
    office: v.office,
    evidence: v.evidence.map(evidenceUrl),
    status,
    group,
    ...(v.decisionNo ? { decisionNo: v.decisionNo } : {}),
    ...(v.decisionDate ? { decisionDate: v.decisionDate, dueDate: fineLateFee(v.fine, v.decisionDate, v.decisionDate).dueDate } : {}),
    ...(payable ? { today: lateFeeView(v.fine, v.decisionDate!, asOf), tomorrow: lateFeeView(v.fine, v.decisionDate!, tomorrowOf(asOf)), capReachedOn: fineCapReachedOn(v.fine, v.decisionDate!) } : {}),
    confirmable: v.status === 'unhandled' && !block,
    ...(block ? { confirmNote: block } : {}),
    ...(v.appealNote ? { appealNote: v.appealNote } : {}),
    ...(ours ? { orderId: ours.id } : {}),
    ...(v.paidAt ? { paidAt: v.paidAt } : ours?.paidAt ? { paidAt: toShanghaiIso(ours.paidAt) } : {}),
    ...(paidAmount !== undefined ? { paidAmount } : {}),
  };
}

/**
 * What a fine paid outside the app came to: the fine plus the late fee the law charged on the day
 * it was paid (the department's record names the day, not the sum). Without a decision or a
 * payment date, the fine itself.
 */
function paidElsewhere(v: TrafficViolation): number {
  const paidOn = v.paidAt ? parseInstant(v.paidAt) : null;
  if (!v.decisionDate || !paidOn) return v.fine;
  return v.fine + fineLateFee(v.fine, v.decisionDate, shanghaiDate(paidOn)).lateFee;
}
