import {
  AppError,
  shanghaiDate,
  toShanghaiIso,
  type ViolationGroup,
  type ViolationsResult,
  type ViolationView,
} from '@bianmin/core';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { orders } from '../../db/schema';
import { DepartmentRejection, type Fetched } from '../../departments/client';
import { trafficFor, type TrafficViolation } from '../../departments/traffic';
import { NOT_LIVE, type OrderRow } from '../../payments/orders';
import type { CallContext } from '../../runtime/types';
import { NOT_MATCHED, proofOf, type VehicleContext, type VehicleRow } from './vehicles';
import { vehicleView, violationView } from './views';

/** Orders for fines are keyed on the department: one live order per violation across all residents. */
export const TRAFFIC_PROVIDER = 'traffic';

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
    .where(and(eq(orders.providerId, TRAFFIC_PROVIDER), inArray(orders.subjectId, violationIds), notInArray(orders.status, NOT_LIVE)));
  return new Map(rows.map((r) => [r.subjectId, r]));
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

/** 待处理: the fines; 待缴款: what paying costs today; 已完成: what was paid (late fees included). */
function groupTotal(key: ViolationGroup['key'], v: ViolationView): number {
  if (key === 'payable') return v.today?.amountDue ?? v.fine;
  if (key === 'done') return v.paidAmount ?? v.fine;
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
