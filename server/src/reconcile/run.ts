import { DEPARTMENTS, fenToYuan, shanghaiDate, toShanghaiIso, type DepartmentId } from '@bianmin/core';
import { and, eq, gte, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { orders, payments, reconciliationItems, reconciliations, refunds } from '../db/schema';
import type { Deps } from '../runtime/types';
import { parseStatement, type Statement, StatementError } from './statement';

/**
 * The daily three-way reconciliation: WeChat Pay's statement of a day against our ledger (the
 * payments and refunds we recorded) against what the departments booked (their postings), every
 * difference written down with its order for a person to look at. Run by the ops timer once the
 * statement exists (WeChat makes it from 09:00 the next day); a run holds a lease on its day's
 * row, and a rerun of a day lists nothing twice (each difference has a key) and marks resolved
 * what it no longer finds.
 */

/** The departments that book our payments, and what of theirs we compare. */
export const POSTING_DEPARTMENTS: DepartmentId[] = ['water', 'power', 'gas', 'traffic'];
/** When WeChat's statement of yesterday can be asked for (it is made from 09:00): with a margin. */
export const STATEMENT_READY_MINUTE = 10 * 60 + 30;
const LEASE_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export const DIFFERENCE_KINDS = {
  missing_in_ledger: '微信支付已结算，我们的账上没有这笔付款',
  missing_at_wechat: '我们记了付款，微信支付对账单上没有',
  amount_differs: '微信支付与我们记的金额不一致',
  not_posted: '已付款，部门没有入账',
  posted_amount_differs: '部门入账金额与付款金额不一致',
  posted_without_payment: '部门入账了一笔我们没有收到付款的订单',
  refund_missing_in_ledger: '微信支付已退款，我们没有记这笔退款',
  refund_missing_at_wechat: '我们记了退款完成，微信支付对账单上没有',
  department_unreachable: '部门对账数据取不到，这个部门本日未对账',
} as const;
export type DifferenceKind = keyof typeof DIFFERENCE_KINDS;

export interface Difference {
  kind: DifferenceKind;
  orderId: string | null;
  transactionId: string | null;
  departmentId: string | null;
  wechatAmount: number | null;
  ledgerAmount: number | null;
  postedAmount: number | null;
  detail: string;
}

export interface ReconcileReport {
  day: string;
  ran: boolean;
  /** Why it did not run: too early, done already, another run holds it, no statement yet. */
  skipped?: 'not_ready' | 'done' | 'running';
  wechat?: { payments: number; refunds: number };
  ledger?: { payments: number; refunds: number };
  postings?: number;
  differences?: number;
  resolvedByRerun?: number;
}

const posting = z.object({ orderId: z.string(), amount: z.number().int(), paidAt: z.string() }).passthrough();
const postingsAnswer = z.object({ postings: z.array(posting), topups: z.array(posting).optional() }).passthrough();

/** Postings are per bill (`<order>-<n>` for a multi-bill order's lines): the order they belong to. */
const baseOrderId = (id: string) => id.replace(/-\d+$/, '');

const yuan = (fen: number | null) => (fen === null ? '—' : `¥${fenToYuan(fen)}`);

/** The Shanghai day before `now`'s, once WeChat's statement of it can be asked for; else null. */
export function statementDayDue(now: Date): string | null {
  const iso = toShanghaiIso(now);
  const minute = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  if (minute < STATEMENT_READY_MINUTE) return null;
  return shanghaiDate(new Date(now.getTime() - DAY_MS));
}

/** The ops timer's part: yesterday's reconciliation, once, after the statement is out. */
export async function runDailyReconciliation(deps: Deps, now: Date): Promise<ReconcileReport> {
  const day = statementDayDue(now);
  if (!day) return { day: shanghaiDate(new Date(now.getTime() - DAY_MS)), ran: false, skipped: 'not_ready' };
  return reconcileDay(deps, day, now, { rerun: false });
}

async function claimDay(db: Db, day: string, now: Date, rerun: boolean): Promise<'claimed' | 'done' | 'running'> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const [row] = await db
    .insert(reconciliations)
    .values({ day, status: 'running', startedAt: now, leaseUntil: lease })
    .onConflictDoUpdate({
      target: reconciliations.day,
      set: { status: 'running', startedAt: now, leaseUntil: lease, lastError: null },
      // A day is taken again when its last run failed, its lease ran out, or a rerun is asked.
      setWhere: or(
        eq(reconciliations.status, 'failed'),
        and(eq(reconciliations.status, 'running'), lt(reconciliations.leaseUntil, now)),
        rerun ? eq(reconciliations.status, 'done') : sql`false`,
      ),
    })
    .returning({ day: reconciliations.day });
  if (row) return 'claimed';
  const [existing] = await db.select({ status: reconciliations.status }).from(reconciliations).where(eq(reconciliations.day, day));
  return existing?.status === 'done' ? 'done' : 'running';
}

/** Reconciles one Shanghai day (`YYYY-MM-DD`). `rerun`: again, even if done. */
export async function reconcileDay(deps: Deps, day: string, now: Date, opts: { rerun: boolean }): Promise<ReconcileReport> {
  const db = await deps.db();
  const claim = await claimDay(db, day, now, opts.rerun);
  if (claim !== 'claimed') return { day, ran: false, skipped: claim };
  try {
    if (!deps.payments.downloadBill) throw new Error('the payment provider cannot download statements');
    // "No Bill Exist" after 10:30 the next day means WeChat moved no money for us that day: any
    // payment our ledger has for it is then a difference like any other.
    const text = await deps.payments.downloadBill(day.replace(/-/g, ''));
    const statement: Statement = text === null ? { payments: [], refunds: [], totals: { count: 0, settled: 0, refunded: 0 } } : parseStatement(text);
    const found = await compare(deps, db, day, statement);
    const stamp = now;
    let inserted = 0;
    for (const d of found.differences) {
      const rows = await db
        .insert(reconciliationItems)
        .values({ day, key: `${d.kind}:${d.orderId ?? ''}:${d.transactionId ?? ''}:${d.departmentId ?? ''}`, ...d, foundAt: stamp })
        .onConflictDoNothing()
        .returning({ id: reconciliationItems.id });
      inserted += rows.length;
    }
    // What an earlier run of this day listed and this one no longer finds was put right meanwhile.
    const keys = found.differences.map((d) => `${d.kind}:${d.orderId ?? ''}:${d.transactionId ?? ''}:${d.departmentId ?? ''}`);
    const gone = await db
      .update(reconciliationItems)
      .set({ status: 'resolved', resolvedBy: 'reconciliation', resolvedAt: now, note: '重新对账时已不存在' })
      .where(and(eq(reconciliationItems.day, day), eq(reconciliationItems.status, 'open'), keys.length ? notInArray(reconciliationItems.key, keys) : undefined))
      .returning({ id: reconciliationItems.id });
    const summary = { wechat: { payments: statement.payments.length, refunds: statement.refunds.length }, ledger: found.ledger, postings: found.postings, differences: found.differences.length, newDifferences: inserted };
    await db.update(reconciliations).set({ status: 'done', finishedAt: now, leaseUntil: null, summary, lastError: null }).where(eq(reconciliations.day, day));
    if (found.differences.length) deps.log.warn({ day, differences: found.differences.length, kinds: [...new Set(found.differences.map((d) => d.kind))] }, 'reconciliation found differences');
    return { day, ran: true, wechat: summary.wechat, ledger: found.ledger, postings: found.postings, differences: found.differences.length, resolvedByRerun: gone.length };
  } catch (e) {
    const reason = e instanceof StatementError ? `statement: ${e.message}` : e instanceof Error ? e.name : 'failed';
    await db.update(reconciliations).set({ status: 'failed', leaseUntil: null, lastError: reason.slice(0, 200) }).where(eq(reconciliations.day, day));
    deps.log.error({ day, err: e }, 'reconciliation failed');
    throw e;
  }
}

async function compare(deps: Deps, db: Db, day: string, statement: Statement): Promise<{ differences: Difference[]; ledger: { payments: number; refunds: number }; postings: number }> {
  const from = new Date(`${day}T00:00:00+08:00`);
  const to = new Date(from.getTime() + DAY_MS);
  // WeChat Pay's statement holds the cloudpay channel only: 非税's payments settle to the treasury
  // and are reconciled against 非税's own records, which this comparison does not read yet.
  const nontaxKinds = new Set(deps.payables.all.filter((k) => k.channel === 'nontax').map((k) => k.kind));
  const onWeChatPay = (kind: string | null | undefined) => !kind || !nontaxKinds.has(kind);
  // Every payment of the day, both channels: the departments' bookings are compared with all of them.
  const dayPayments = await db
    .select({ p: payments, order: orders })
    .from(payments)
    .leftJoin(orders, eq(orders.id, payments.orderId))
    .where(and(gte(sql`coalesce(${payments.paidAt}, ${payments.receivedAt})`, from), lt(sql`coalesce(${payments.paidAt}, ${payments.receivedAt})`, to)));
  const ledgerPayments = dayPayments.filter((r) => onWeChatPay(r.order?.kind));
  const ledgerRefunds = (
    await db
      .select({ r: refunds, kind: orders.kind })
      .from(refunds)
      .leftJoin(orders, eq(orders.id, refunds.orderId))
      .where(and(eq(refunds.status, 'refunded'), gte(refunds.refundedAt, from), lt(refunds.refundedAt, to)))
  )
    .filter((x) => onWeChatPay(x.kind))
    .map((x) => x.r);
  const out: Difference[] = [];
  const deptOf = (providerId: string | null | undefined) => (providerId && (POSTING_DEPARTMENTS as string[]).includes(providerId) ? providerId : null);

  // WeChat ⇄ ledger, by WeChat's transaction id.
  const byTx = new Map(ledgerPayments.map((r) => [r.p.transactionId, r]));
  const wechatTx = new Set(statement.payments.map((p) => p.transactionId));
  const orderOf = new Map<string, typeof orders.$inferSelect>();
  const missingOrders = statement.payments.filter((p) => !byTx.has(p.transactionId)).map((p) => p.orderId);
  if (missingOrders.length) for (const o of await db.select().from(orders).where(inArray(orders.id, missingOrders))) orderOf.set(o.id, o);
  for (const w of statement.payments) {
    const l = byTx.get(w.transactionId);
    if (!l) {
      const o = orderOf.get(w.orderId);
      out.push({
        kind: 'missing_in_ledger',
        orderId: w.orderId,
        transactionId: w.transactionId,
        departmentId: deptOf(o?.providerId),
        wechatAmount: w.amount,
        ledgerAmount: null,
        postedAmount: null,
        detail: `微信支付 ${w.at} 结算 ${yuan(w.amount)}（订单 ${w.orderId}），我们没有记录这笔付款${o ? `；订单现为 ${o.status}` : '；我们也没有这个订单'}。请核实后补记或原路退回。`,
      });
    } else if (l.p.amount !== w.amount) {
      out.push({ kind: 'amount_differs', orderId: l.p.orderId, transactionId: w.transactionId, departmentId: deptOf(l.order?.providerId), wechatAmount: w.amount, ledgerAmount: l.p.amount, postedAmount: null, detail: `微信支付结算 ${yuan(w.amount)}，我们记的是 ${yuan(l.p.amount)}（订单 ${l.p.orderId}）。` });
    }
  }
  for (const l of ledgerPayments) {
    if (!wechatTx.has(l.p.transactionId)) {
      out.push({ kind: 'missing_at_wechat', orderId: l.p.orderId, transactionId: l.p.transactionId, departmentId: deptOf(l.order?.providerId), wechatAmount: null, ledgerAmount: l.p.amount, postedAmount: null, detail: `我们记了 ${yuan(l.p.amount)} 的付款（订单 ${l.p.orderId}），微信支付本日对账单上没有这笔交易。` });
    }
  }

  // Ledger ⇄ departments, by our order id (a posting carries it; a multi-bill order posts per line).
  const posted = new Map<string, { departmentId: string; amount: number }>();
  const reachable = new Set<string>();
  let postingsSeen = 0;
  for (const id of POSTING_DEPARTMENTS) {
    const client = deps.departments[id];
    if (!client) continue;
    try {
      const { data } = await client.read('/postings', postingsAnswer, { cache: false });
      reachable.add(id);
      for (const p of [...data.postings, ...(data.topups ?? [])]) {
        const at = new Date(p.paidAt);
        if (Number.isNaN(at.getTime()) || at < from || at >= to) continue;
        postingsSeen++;
        const key = baseOrderId(p.orderId);
        const prev = posted.get(key);
        posted.set(key, { departmentId: id, amount: (prev?.amount ?? 0) + p.amount });
      }
    } catch (e) {
      deps.log.warn({ department: id, err: e }, 'reconciliation: postings not read');
      out.push({ kind: 'department_unreachable', orderId: null, transactionId: null, departmentId: id, wechatAmount: null, ledgerAmount: null, postedAmount: null, detail: `${DEPARTMENTS[id].name}的入账数据本次没有取到，这个部门的付款未能对账；部门恢复后请重新对账。` });
    }
  }
  const bookedOrders = new Set<string>();
  for (const l of dayPayments) {
    if (l.p.disposition !== 'booked' || !l.order) continue;
    bookedOrders.add(l.p.orderId);
    const dept = deptOf(l.order.providerId);
    if (!dept || !reachable.has(dept)) continue;
    // A payment the department refused goes back to the resident: nothing should be booked.
    if (['refund_pending', 'refunded'].includes(l.order.status)) continue;
    const p = posted.get(l.p.orderId);
    if (!p) {
      out.push({ kind: 'not_posted', orderId: l.p.orderId, transactionId: l.p.transactionId, departmentId: dept, wechatAmount: null, ledgerAmount: l.p.amount, postedAmount: null, detail: `订单 ${l.p.orderId} 已付款 ${yuan(l.p.amount)}（状态 ${l.order.status}），部门没有这笔入账。` });
    } else if (p.amount !== l.p.amount) {
      out.push({ kind: 'posted_amount_differs', orderId: l.p.orderId, transactionId: l.p.transactionId, departmentId: dept, wechatAmount: null, ledgerAmount: l.p.amount, postedAmount: p.amount, detail: `订单 ${l.p.orderId} 付款 ${yuan(l.p.amount)}，部门入账 ${yuan(p.amount)}。` });
    }
  }
  for (const [orderId, p] of posted) {
    if (!bookedOrders.has(orderId)) {
      out.push({ kind: 'posted_without_payment', orderId, transactionId: null, departmentId: p.departmentId, wechatAmount: null, ledgerAmount: null, postedAmount: p.amount, detail: `部门入账了订单 ${orderId} 的 ${yuan(p.amount)}，我们本日没有这笔订单的付款记录。` });
    }
  }

  // Refunds: WeChat's refund lines ⇄ the refunds we marked done that day.
  const ours = new Map(ledgerRefunds.map((r) => [r.id, r]));
  const theirs = new Set(statement.refunds.map((r) => r.refundId));
  for (const w of statement.refunds) {
    if (!ours.has(w.refundId)) {
      const [known] = await db.select().from(refunds).where(eq(refunds.id, w.refundId));
      if (known?.status === 'refunded' && known.refundedAt && (known.refundedAt < from || known.refundedAt >= to)) continue;
      out.push({ kind: 'refund_missing_in_ledger', orderId: w.orderId, transactionId: w.transactionId, departmentId: null, wechatAmount: w.amount, ledgerAmount: null, postedAmount: null, detail: `微信支付已退款 ${yuan(w.amount)}（退款单 ${w.refundId}，订单 ${w.orderId}），我们${known ? `记录的状态是 ${known.status}` : '没有这笔退款'}。` });
    }
  }
  for (const r of ledgerRefunds) {
    if (!theirs.has(r.id)) {
      out.push({ kind: 'refund_missing_at_wechat', orderId: r.orderId, transactionId: r.transactionId, departmentId: null, wechatAmount: null, ledgerAmount: r.amount, postedAmount: null, detail: `我们记了 ${yuan(r.amount)} 已退回（退款单 ${r.id}），微信支付本日对账单上没有这笔退款。` });
    }
  }
  return { differences: out, ledger: { payments: ledgerPayments.length, refunds: ledgerRefunds.length }, postings: postingsSeen };
}
