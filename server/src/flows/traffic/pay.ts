import {
  AppError,
  fineLateFee,
  maskPlateDisplay,
  shanghaiDate,
  toShanghaiIso,
  type TrafficPayResult,
  type ViolationView,
} from '@bianmin/core';
import { createHash } from 'node:crypto';
import { DepartmentRejection } from '../../departments/client';
import { trafficFor } from '../../departments/traffic';
import { ORDER_TTL_MS, placeOrder, payerOf } from '../../payments/orders';
import { closeExpiredOrders } from '../../payments/outbox';
import { oneItem } from '../../runtime/jobs';
import { paymentForOrder } from '../../payments/create';
import { proofOf, type VehicleContext } from './vehicles';
import { confirmBlock, trafficOrderView, violationView } from './views';
import { fetchViolations, liveFineOrders, mapVehicleRejection, TRAFFIC_PROVIDER } from './violations';

/** The next Shanghai midnight after `now`: a fine's late fee steps up then. */
function nextShanghaiMidnight(now: Date): Date {
  return new Date(`${shanghaiDate(new Date(now.getTime() + 86_400_000))}T00:00:00+08:00`);
}

/**
 * Accepts an electronic-monitoring record online; the traffic police issue the decision.
 * Repeats are harmless: the department de-duplicates on our request id, which is fixed per
 * resident and violation, and an already-decided record is answered as it is.
 */
export async function confirmViolation(ctx: VehicleContext, input: { violationId: string }): Promise<{ violation: ViolationView }> {
  const db = await ctx.deps.db();
  const vehicle = ctx.vehicle;
  const now = ctx.clock.now();
  const asOf = shanghaiDate(now);
  const api = trafficFor(ctx.deps);
  const current = (await fetchViolations(ctx, vehicle, { fresh: true })).data.find((v) => v.violationId === input.violationId);
  if (!current) throw new AppError('NOT_FOUND', '没有找到这条违法记录，请刷新后重试。', { fields: { violationId: '该车辆没有这条记录' } });
  const live = async () => (await liveFineOrders(db, [current.violationId])).get(current.violationId);
  if (current.status === 'decided' || current.status === 'paid') {
    // Confirmed already (a repeated tap, another phone): the record as it stands.
    return { violation: violationView(current, asOf, await live(), api.evidenceUrl) };
  }
  const block = confirmBlock(current);
  if (block) throw new AppError('CONFLICT', block);

  const requestId = createHash('sha256').update(`${ctx.caller.openid}:${current.violationId}`).digest('hex').slice(0, 32);
  let decided;
  try {
    decided = await api.confirm(proofOf(vehicle), current.violationId, requestId, toShanghaiIso(now));
  } catch (e) {
    if (e instanceof DepartmentRejection && e.status === 422) throw new AppError('CONFLICT', e.message || '交警系统不接受在线确认这条记录，请到交警窗口处理。');
    if (e instanceof DepartmentRejection && e.status === 409) throw new AppError('CONFLICT', '这条记录的状态刚刚发生变化，请刷新后查看。', { retryable: true });
    throw mapVehicleRejection(e);
  }
  ctx.log.info({ vehicle: vehicle.id, violation: current.violationId, decision: decided.decisionNo }, 'violation confirmed');
  return { violation: violationView(decided, asOf, await live(), api.evidenceUrl) };
}

/**
 * Pays one fine. The amount (fine + today's statutory late fee) is computed here from the
 * department's record at this moment, never taken from the client; the order is written before
 * any money moves, and a duplicate tap gets the same order and payment parameters back.
 */
export async function payFine(ctx: VehicleContext, input: { violationId: string; idempotencyKey: string }): Promise<TrafficPayResult> {
  const openid = ctx.caller.openid;
  const db = await ctx.deps.db();
  const vehicle = ctx.vehicle;
  const now = ctx.clock.now();
  const asOf = shanghaiDate(now);

  // Fresh, not cached (it sets the amount), but identical in-flight reads are still shared.
  const v = (await fetchViolations(ctx, vehicle, { fresh: true })).data.find((x) => x.violationId === input.violationId);
  if (!v) throw new AppError('NOT_FOUND', '没有找到这条违法记录，请刷新后重试。', { fields: { violationId: '该车辆没有这条记录' } });
  if (v.status === 'paid') throw new AppError('CONFLICT', '这笔罚款已经缴纳，无需重复缴款。');
  if (v.status === 'under_appeal') {
    throw new AppError('CONFLICT', `这条记录正在申诉复核中，复核结束前不能缴款。${v.appealNote ? `（${v.appealNote}）` : ''}`);
  }
  if (v.status !== 'decided' || !v.decisionNo || !v.decisionDate) {
    throw new AppError('CONFLICT', '这条记录还没有处罚决定书，请先确认违法记录（记分的须驾驶人本人处理），出具决定书后再缴款。');
  }
  const { lateFee } = fineLateFee(v.fine, v.decisionDate, asOf);
  // An unpaid order that outlived its price (priced before midnight) must not be handed out again:
  // expire it here rather than wait for the expiry job, so this attempt is priced today — through
  // the same expiry, which asks WeChat Pay first (a sheet paid at 23:59 is booked, never closed).
  await closeExpiredOrders(ctx.deps, now, 5, oneItem(), { providerId: TRAFFIC_PROVIDER, subjectId: v.violationId });
  const order = await placeOrder(
    db,
    {
      openid,
      ...payerOf(ctx),
      idempotencyKey: input.idempotencyKey,
      kind: 'traffic_fine',
      bindingId: vehicle.id,
      providerId: TRAFFIC_PROVIDER,
      accountRef: vehicle.plate,
      subjectId: v.violationId,
      subjectLabel: v.decisionNo,
      amount: v.fine + lateFee,
      lateFee,
      // The late fee grows at Shanghai midnight: an order priced today must not be paid tomorrow.
      expiresAt: new Date(Math.min(now.getTime() + ORDER_TTL_MS, nextShanghaiMidnight(now).getTime())),
    },
    now,
  );
  return { order: trafficOrderView(order), payment: await paymentForOrder(ctx, order, `交通罚款 决定书 ${order.subjectLabel.slice(-6)} ${maskPlateDisplay(order.accountRef)}`) };
}
