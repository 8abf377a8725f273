import { randomBytes } from 'node:crypto';
import {
  AppError,
  type DataCount,
  type DataKept,
  type DeleteBlocker,
  type DeletePlan,
  type DeleteResult,
  DELETE_CONFIRM_MINUTES,
  DELETE_CONFIRM_WORD,
  type MyDataExport,
  toShanghaiIso,
} from '@bianmin/core';
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { isUniqueViolation } from '../../db/errors';
import { accountAudit, orders, refunds, tickets } from '../../db/schema';
import { type AuditDetail, auditKeyOf, auditOf, auditSubject, tokenHash } from '../../privacy/audit';
import { exportValue, PERSONAL_TABLES } from '../../privacy/tables';
import type { ResidentContext } from '../../runtime/types';

/**
 * 导出我的数据 and 删除我的数据 (个人信息保护法 第 45、47 条). Both are driven by the registry of
 * personal tables (privacy/tables.ts): what is exported and what is erased is exactly what it lists.
 */

const SECTIONS = PERSONAL_TABLES.filter((t) => t.exportAs === 'section');

export const UPLOADS_NOTE = '如果你上传过诉求的照片、视频或行驶证照片，这些文件存放在云存储中，这次删除还不能清除它们。';

/**
 * A resident's data is theirs alone to take away or erase: never on a relative's behalf, whatever
 * a family link's scopes say (a call acting for someone carries `actingFor` on its context).
 */
export function ownAccountOnly(ctx: ResidentContext): void {
  if ((ctx as ResidentContext & { actingFor?: unknown }).actingFor) {
    throw new AppError('FORBIDDEN', '我的数据只能由本人查看、导出和删除，亲友代办不能使用。请让本人在自己的微信里操作。');
  }
}

/** Everything Bianmin holds about the caller, in full (it is their own), one section per table. */
export async function exportMyData(ctx: ResidentContext): Promise<MyDataExport> {
  ownAccountOnly(ctx);
  const subject = auditSubject(auditKeyOf(ctx), ctx.caller.openid);
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const sections = await Promise.all(
    SECTIONS.map(async (t) => ({
      key: t.table,
      title: t.title,
      about: t.about,
      retention: t.retention,
      onDelete: t.onDelete,
      fields: t.fields.map((x) => ({ ...x })),
      rows: (await t.rows(db, ctx.caller.openid)).map((r) => Object.fromEntries(t.fields.map((x) => [x.key, exportValue(r[x.key])]))),
    })),
  );
  const detail: AuditDetail = Object.fromEntries(sections.map((s) => [s.key, { rows: s.rows.length }]));
  await db.insert(accountAudit).values({ subject, event: 'export', at: now, detail });
  return { format: 'bianmin.my-data/1', exportedAt: toShanghaiIso(now), openid: ctx.caller.openid, sections, audit: await auditOf(db, subject) };
}

/** Orders still moving money: deleting under them would lose a payment or its posting. */
async function blockersOf(db: Db, openid: string, lock: boolean): Promise<DeleteBlocker[]> {
  const q = db
    .select({ id: orders.id, status: orders.status, label: orders.subjectLabel, expiresAt: orders.expiresAt })
    .from(orders)
    // Theirs, and a relative's they are paying for (亲友代办): either way their money is moving.
    .where(and(or(eq(orders.openid, openid), eq(orders.payerOpenid, openid)), inArray(orders.status, ['pending', 'paid'])));
  // Inside the deletion: a payment notification for one of these waits for the deletion to end, and
  // the deletion sees the status it will find.
  const rows = await (lock ? q.for('update') : q);
  return rows.map((r) =>
    r.status === 'pending'
      ? { orderId: r.id, what: `订单 ${r.id}（${r.label}）正在等待支付：付款完成或它自动关闭后才能删除`, until: toShanghaiIso(r.expiresAt) }
      : { orderId: r.id, what: `订单 ${r.id}（${r.label}）已付款，正在向缴费单位入账：入账完成（通常几分钟）后才能删除` },
  );
}

/** What stays open elsewhere and how deletion treats it, in the resident's words. */
async function notesOf(db: Db, openid: string): Promise<string[]> {
  const notes: string[] = [];
  const open = await db
    .select({ status: tickets.status, ticketNo: tickets.ticketNo })
    .from(tickets)
    .where(and(eq(tickets.openid, openid), ne(tickets.status, 'closed')));
  const filed = open.filter((t) => t.ticketNo);
  if (filed.length) notes.push(`已提交到 12345 的 ${filed.length} 件诉求（工单号 ${filed.map((t) => t.ticketNo).join('、')}）由 12345 平台按其规定保存和办理；删除后平台的答复不会再通知你，可拨打 12345 查询。`);
  if (open.length > filed.length) notes.push(`尚未提交到 12345 的 ${open.length - filed.length} 件诉求将不再提交。`);
  const refunding = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.openid, openid), ne(refunds.status, 'refunded')));
  if (refunding.length) notes.push(`进行中的 ${refunding.length} 笔退款照常按订单号原路退回，但到账通知不会再发给你。`);
  // Said plainly, because it is not done: the storage port can read files but not delete them, and
  // a licence photo read by OCR is recorded nowhere but in storage (uploads/<openid>/…).
  notes.push(UPLOADS_NOTE);
  return notes;
}

class DryRun extends Error {
  override name = 'DryRun';
  constructor(readonly counts: Map<string, { erased: number; kept: number }>) {
    super('dry run');
  }
}

/** Runs every table's erasure, in the registry's order, and counts what each did. */
async function eraseAll(tx: Db, openid: string, now: Date): Promise<Map<string, { erased: number; kept: number }>> {
  const counts = new Map<string, { erased: number; kept: number }>();
  for (const t of PERSONAL_TABLES) counts.set(t.table, await t.erase(tx, openid, now));
  return counts;
}

function split(counts: Map<string, { erased: number; kept: number }>): { erase: DataCount[]; keep: DataKept[] } {
  const erase: DataCount[] = [];
  const keep: DataKept[] = [];
  for (const t of PERSONAL_TABLES) {
    const c = counts.get(t.table);
    if (!c) continue;
    if (c.erased) erase.push({ key: t.table, title: t.title, count: c.erased });
    if (c.kept) keep.push({ key: t.table, title: t.title, count: c.kept, why: t.keptWhy ?? t.onDelete });
  }
  return { erase, keep };
}

/**
 * The first step: what deleting would erase and keep — counted by the deletion's own code run in
 * a transaction that is rolled back — what stays open elsewhere, what blocks it for now, and a
 * confirmation that holds for DELETE_CONFIRM_MINUTES (deletion checks the blockers again).
 */
export async function planDeletion(ctx: ResidentContext): Promise<DeletePlan> {
  ownAccountOnly(ctx);
  const subject = auditSubject(auditKeyOf(ctx), ctx.caller.openid);
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const openid = ctx.caller.openid;
  const blockedBy = await blockersOf(db, openid, false);
  let counts = new Map<string, { erased: number; kept: number }>();
  try {
    await db.transaction(async (tx) => {
      throw new DryRun(await eraseAll(tx, openid, now));
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
    counts = e.counts;
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + DELETE_CONFIRM_MINUTES * 60_000);
  await db.insert(accountAudit).values({ subject, event: 'delete_requested', at: now, tokenHash: tokenHash(token), tokenExpiresAt: expiresAt });
  return { confirmToken: token, confirmWord: DELETE_CONFIRM_WORD, expiresAt: toShanghaiIso(expiresAt), ...split(counts), notes: await notesOf(db, openid), blockedBy };
}

/**
 * The second step: with the plan's confirmation and the typed word, erases everything personal in
 * one transaction (the registry's erasures), keeps paid orders without the openid, and records the
 * deletion in the account audit — one deletion per confirmation, however many arrive at once.
 */
export async function deleteMyData(ctx: ResidentContext, input: { confirmToken: string }): Promise<DeleteResult> {
  ownAccountOnly(ctx);
  const subject = auditSubject(auditKeyOf(ctx), ctx.caller.openid);
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const openid = ctx.caller.openid;
  // Another resident's confirmation, a used-up or made-up one: one answer, naming nothing.
  const [plan] = await db
    .select()
    .from(accountAudit)
    .where(and(eq(accountAudit.tokenHash, tokenHash(input.confirmToken)), eq(accountAudit.subject, subject), eq(accountAudit.event, 'delete_requested')));
  if (!plan) throw new AppError('NOT_FOUND', '没有找到这次删除确认，请重新查看删除说明后再确认。', { fields: { confirmToken: '删除确认无效，请重新开始' } });
  if (!plan.tokenExpiresAt || plan.tokenExpiresAt <= now) {
    throw new AppError('CONFLICT', `删除确认已过期（${DELETE_CONFIRM_MINUTES} 分钟内有效），没有删除任何数据。请重新查看删除说明后再确认。`, { fields: { confirmToken: '删除确认已过期' } });
  }
  const notes = await notesOf(db, openid);
  let counts: Map<string, { erased: number; kept: number }>;
  try {
    counts = await db.transaction(async (tx) => {
      const blockers = await blockersOf(tx, openid, true);
      if (blockers.length) throw new AppError('CONFLICT', `还有进行中的订单，没有删除任何数据：${blockers.map((b) => b.what).join('；')}。`);
      const c = await eraseAll(tx, openid, now);
      const detail: AuditDetail = Object.fromEntries([...c].map(([k, v]) => [k, v]));
      await tx.insert(accountAudit).values({ subject, event: 'deleted', at: now, detail, confirms: plan.id });
      return c;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'account_audit_one_deletion_per_plan')) throw new AppError('CONFLICT', '这次删除已经完成，你的数据已删除。');
    throw e;
  }
  const { erase, keep } = split(counts);
  if (keep.some((k) => k.key === 'orders')) notes.push('付过款的订单依法保留（会计凭证 30 年），已去掉你的微信身份（openid），户号、号牌只留后四位；退款仍可按订单号办理。');
  return { deletedAt: toShanghaiIso(now), erased: erase, kept: keep, notes };
}
