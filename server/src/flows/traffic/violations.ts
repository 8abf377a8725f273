import {
  AppError,
  fineLateFee,
  type LateFeeView,
  lateFeeSentence,
  type OrderStatus,
  shanghaiDate,
  toShanghaiIso,
  type ViolationGroup,
  type ViolationsResult,
  type ViolationView,
} from '@bianmin/core';
import { PAID_ORDER_STATUSES } from '@bianmin/core/orders';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { orders } from '../../db/schema';
import { DepartmentRejection, type Fetched } from '../../departments/client';
import { trafficFor, type TrafficViolation } from '../../departments/traffic';
import { NOT_LIVE, type OrderRow } from '../../payments/orders';
import type { CallContext } from '../../runtime/types';
import { NOT_MATCHED, proofOf, type VehicleContext, type VehicleRow, vehicleView } from './vehicles';

/** Orders for fines are keyed on the department: one live order per violation across all residents. */
export const TRAFFIC_PROVIDER = 'traffic';

const SOURCE_NAME = { electronic: '电子监控', onsite: '现场处罚' } as const;

function tomorrowOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

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
    ...(payable ? { today: lateFeeView(v.fine, v.decisionDate!, asOf), tomorrow: lateFeeView(v.fine, v.decisionDate!, tomorrowOf(asOf)) } : {}),
    confirmable: v.status === 'unhandled' && !block,
    ...(block ? { confirmNote: block } : {}),
    ...(v.appealNote ? { appealNote: v.appealNote } : {}),
    ...(ours ? { orderId: ours.id } : {}),
    ...(v.paidAt ? { paidAt: v.paidAt } : ours?.paidAt ? { paidAt: toShanghaiIso(ours.paidAt) } : {}),
  };
}

/**
 * The order that holds each violation: pending (being paid), paid or settled — at most one per
 * violation, by the database's one-live-order rule. An order closed unpaid or refunded never
 * holds it: that money is not ours, and the fine is owed again.
 */
export async function liveFineOrders(db: Db, violationIds: string[]): Promise<Map<string, OrderRow>> {
  if (!violationIds.length) return new Map();
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.providerId, TRAFFIC_PROVIDER), inArray(orders.billId, violationIds), notInArray(orders.status, NOT_LIVE)));
  return new Map(rows.map((r) => [r.billId, r]));
}

export function mapVehicleRejection(e: unknown): unknown {
  if (e instanceof DepartmentRejection && e.status === 404) return NOT_MATCHED();
  if (e instanceof DepartmentRejection) return new AppError('DEPARTMENT_ERROR', '交警系统暂时无法处理该请求，请稍后再试。', { retryable: true, cause: e });
  return e;
}

export async function fetchViolations(ctx: CallContext, vehicle: VehicleRow, opts: { fresh?: boolean; allowStale?: boolean }): Promise<Fetched<TrafficViolation[]> & { recordsUpdatedAt?: Date }> {
  try {
    return await trafficFor(ctx.deps).violations(proofOf(vehicle), opts);
  } catch (e) {
    throw mapVehicleRejection(e);
  }
}

const GROUPS: Array<Pick<ViolationGroup, 'key' | 'title'>> = [
  { key: 'todo', title: '待处理' },
  { key: 'payable', title: '待缴款' },
  { key: 'done', title: '已完成' },
];

function groupTotal(key: ViolationGroup['key'], v: ViolationView): number {
  if (key === 'payable') return v.today?.amountDue ?? v.fine;
  return v.fine;
}

/**
 * A vehicle's violations in three groups with counts and totals. When the department is down a
 * recent answer is served marked stale (with its age); paying needs today's record and is refused.
 */
export async function listViolations(ctx: VehicleContext): Promise<ViolationsResult> {
  const db = await ctx.deps.db();
  const vehicle = ctx.vehicle;
  const asOf = shanghaiDate(ctx.clock.now());
  const fetched = await fetchViolations(ctx, vehicle, { allowStale: true });
  const live = await liveFineOrders(db, fetched.data.map((v) => v.violationId));
  const api = trafficFor(ctx.deps);
  const views = fetched.data
    .map((v) => violationView(v, asOf, live.get(v.violationId), api.evidenceUrl))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return {
    vehicle: vehicleView(vehicle),
    groups: GROUPS.map((g) => {
      const vs = views.filter((v) => v.group === g.key);
      return { ...g, count: vs.length, total: vs.reduce((s, v) => s + groupTotal(g.key, v), 0), violations: vs } as ViolationGroup;
    }),
    fetchedAt: toShanghaiIso(fetched.fetchedAt),
    stale: fetched.stale,
    ageSeconds: Math.max(0, Math.round(fetched.ageMs / 1000)),
    ...(fetched.recordsUpdatedAt ? { recordsUpdatedAt: toShanghaiIso(fetched.recordsUpdatedAt) } : {}),
  };
}

export async function showViolation(ctx: VehicleContext, input: { violationId: string }) {
  const db = await ctx.deps.db();
  const vehicle = ctx.vehicle;
  const fetched = await fetchViolations(ctx, vehicle, { allowStale: true });
  const v = fetched.data.find((x) => x.violationId === input.violationId);
  if (!v) throw new AppError('NOT_FOUND', '没有找到这条违法记录，请刷新后重试。', { fields: { violationId: '该车辆没有这条记录' } });
  const live = await liveFineOrders(db, [v.violationId]);
  return {
    vehicle: vehicleView(vehicle),
    violation: violationView(v, shanghaiDate(ctx.clock.now()), live.get(v.violationId), trafficFor(ctx.deps).evidenceUrl),
    fetchedAt: toShanghaiIso(fetched.fetchedAt),
    stale: fetched.stale,
  };
}
