import { type DataValue, toShanghaiIso } from '@bianmin/core';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';
import {
  bindAttempts,
  billReminders,
  eligibilityReminders,
  bindings,
  familyActions,
  familyInvites,
  familyLinks,
  insuranceAccessLog,
  insuranceVerifications,
  messages,
  orderLines,
  orders,
  pensionEligibility,
  rateLimits,
  refunds,
  reminders,
  subscribeGrants,
  ticketEvents,
  ticketMediaChecks,
  tickets,
  vehicles,
} from '../db/schema';
import { LIMITS } from '../limits/rate-limit';

/**
 * The registry of every table that holds a resident's personal data (个人信息保护法): what each holds,
 * what 导出我的数据 gives of it, what 删除我的数据 does to it, and how long it is kept. Export and
 * deletion are driven by this list and nothing else, and `tables.test.ts` reads the database's own
 * tables and columns (information_schema) and fails for a table or a column this file does not
 * classify — so a new table or column with personal data cannot ship without its rule.
 * docs/ARCHITECTURE.md's "Personal data" section is rendered from it (and held equal by the test).
 */

export interface ExportField {
  /** The row's property (drizzle's name). */
  key: string;
  label: string;
}

/** What deletion did to one table: rows erased, rows kept (anonymised or still needed). */
export interface Erased {
  erased: number;
  kept: number;
}

export interface PersonalTable {
  table: string;
  /** In the resident's words. */
  title: string;
  about: string;
  /** Columns that hold personal data or point at the resident (SQL names). */
  personal: readonly string[];
  /** Every other column (SQL names): together with `personal`, exactly the table's columns. */
  other: readonly string[];
  /** How long it is kept, and what enforces it. */
  retention: string;
  /** What 删除我的数据 does, in the resident's words. */
  onDelete: string;
  /** Why rows are kept after deletion, when some are. */
  keptWhy?: string;
  /** What the export shows: the audit is its own part of the document, not a section. */
  exportAs: 'section' | 'audit';
  fields: readonly ExportField[];
  /** The resident's rows, every field in full (their own data). */
  rows(db: Db, openid: string): Promise<Array<Record<string, unknown>>>;
  /** Inside the deletion's transaction, in the registry's order (children before their parents). */
  erase(tx: Db, openid: string, now: Date): Promise<Erased>;
}

/** A table with no resident's data, and why. */
export interface NotPersonalTable {
  table: string;
  why: string;
}

/** A value as the export document carries it: times in Beijing time, nothing a JSON reader cannot hold. */
export function exportValue(v: unknown): DataValue {
  if (v instanceof Date) return toShanghaiIso(v);
  if (Array.isArray(v)) return v.map(exportValue);
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, exportValue(x)]));
  return v as DataValue;
}

const f = (key: string, label: string): ExportField => ({ key, label });

const count = async (q: Promise<unknown[]>): Promise<number> => (await q).length;

/** Rows of `table` whose `owner` is the resident, oldest first. */
function ownRows(table: PgTable, owner: PgColumn, order: PgColumn) {
  return (db: Db, openid: string) => db.select().from(table).where(eq(owner, openid)).orderBy(asc(order)) as unknown as Promise<Array<Record<string, unknown>>>;
}

/** Deletes the resident's rows of `table`. */
function eraseOwn(table: PgTable, owner: PgColumn) {
  return async (tx: Db, openid: string): Promise<Erased> => ({ erased: await count(tx.delete(table).where(eq(owner, openid)).returning()), kept: 0 });
}

/** The resident's tickets' ids, as a subquery. */
const ownTicketIds = (db: Db, openid: string) => db.select({ id: tickets.id }).from(tickets).where(eq(tickets.openid, openid));

/**
 * An order that never took money (closed unpaid, no payment recorded against it): nothing requires
 * keeping it. Every other order the resident made is a payment record and stays, anonymised.
 */
const moneyless = sql`${orders.status} = 'closed' AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = ${orders.id})`;
const ownOrderIds = (db: Db, openid: string, where?: SQL) => db.select({ id: orders.id }).from(orders).where(and(eq(orders.openid, openid), where));

/** The openid a kept order (and its refund) carries instead of the resident's: unique per order, pointing at nobody. */
export const ERASED_PREFIX = 'erased:';

/** The longest rate-limit window: hits inside it still guard against guessing, whoever asks to be forgotten. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(LIMITS).map((l) => l.windowMs));

const UNTIL_DELETED = '账户使用期间保存；删除我的数据时清除（无自动到期）';

export const PERSONAL_TABLES: readonly PersonalTable[] = [
  {
    table: 'bindings',
    title: '绑定的户号',
    about: '你绑定的水、电、燃气户号，用于查询账单和缴费；户主姓名按缴费单位的打码形式保存。',
    personal: ['openid', 'account_no', 'label', 'holder_name', 'address'],
    other: ['id', 'provider_id', 'kind', 'created_at', 'deleted_at', 'due_reminders'],
    retention: `${UNTIL_DELETED}；解绑后保留到删除（订单记录引用它）`,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('id', '编号'), f('providerId', '缴费单位'), f('kind', '类别'), f('accountNo', '户号'), f('label', '备注'), f('holderName', '户主'), f('address', '地址'), f('dueReminders', '到期提醒'), f('createdAt', '绑定时间'), f('deletedAt', '解绑时间')],
    rows: ownRows(bindings, bindings.openid, bindings.createdAt),
    erase: eraseOwn(bindings, bindings.openid),
  },
  {
    table: 'bill_reminders',
    title: '已发的缴费提醒',
    about: '每张账单的到期、逾期提醒只发一次：这里记着发过哪些。',
    personal: ['openid', 'bill_id', 'binding_id'],
    other: ['rule', 'late_fee', 'sent_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('bindingId', '户号编号'), f('billId', '账单'), f('rule', '提醒'), f('lateFee', '滞纳金（分）'), f('sentAt', '发送时间')],
    rows: ownRows(billReminders, billReminders.openid, billReminders.sentAt),
    erase: eraseOwn(billReminders, billReminders.openid),
  },
  {
    table: 'vehicles',
    title: '添加的车辆',
    about: '你添加的车辆：号牌、号牌种类和发动机号后六位，每次向交警查询都要用到。',
    personal: ['openid', 'plate', 'engine_no_suffix', 'label'],
    other: ['id', 'plate_kind', 'vehicle_type', 'created_at', 'deleted_at'],
    retention: `${UNTIL_DELETED}；移除后保留到删除（订单记录引用它）`,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('id', '编号'), f('plate', '号牌'), f('plateKind', '号牌种类'), f('engineNoSuffix', '发动机号后六位'), f('vehicleType', '车辆类型'), f('label', '备注'), f('createdAt', '添加时间'), f('deletedAt', '移除时间')],
    rows: ownRows(vehicles, vehicles.openid, vehicles.createdAt),
    erase: eraseOwn(vehicles, vehicles.openid),
  },
  {
    table: 'order_lines',
    title: '订单明细',
    about: '一笔缴费订单包含的每期账单：账单编号由缴费单位编制（含户号）。',
    personal: ['bill_id'],
    other: ['order_id', 'line_no', 'provider_id', 'period', 'amount', 'late_fee', 'live', 'department_ref', 'posted_at'],
    retention: '随所属订单',
    onDelete: '未付款的订单明细清除；付过款的随订单保留（缴费单位的账单编号，用于对账）',
    keptWhy: '缴费单位入账用的账单编号，对账和退款需要',
    exportAs: 'section',
    fields: [f('orderId', '订单号'), f('lineNo', '序号'), f('billId', '账单编号'), f('period', '账期'), f('amount', '金额（分）'), f('lateFee', '滞纳金（分）'), f('departmentRef', '入账回执号'), f('postedAt', '入账时间')],
    rows: (db, openid) =>
      db.select().from(orderLines).where(inArray(orderLines.orderId, ownOrderIds(db, openid))).orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)) as unknown as Promise<Array<Record<string, unknown>>>,
    erase: async (tx, openid) => {
      const erased = await count(tx.delete(orderLines).where(inArray(orderLines.orderId, ownOrderIds(tx, openid, moneyless))).returning());
      const kept = await count(tx.select({ id: orderLines.orderId }).from(orderLines).where(inArray(orderLines.orderId, ownOrderIds(tx, openid))));
      return { erased, kept };
    },
  },
  {
    table: 'orders',
    title: '缴费订单',
    about: '你下的每笔缴费订单：缴什么、多少钱、什么时候付款和入账。',
    personal: ['openid', 'payer_openid', 'binding_id', 'account_ref', 'subject_label', 'payment', 'idempotency_key'],
    other: ['id', 'kind', 'provider_id', 'subject_id', 'amount', 'late_fee', 'status', 'transaction_id', 'department_ref', 'family_link_id', 'created_at', 'expires_at', 'paid_at', 'settled_at', 'closed_at', 'refunded_at'],
    retention: '付过款的订单保存 30 年（《会计档案管理办法》会计凭证保管期限），删除我的数据后不再带 openid，户号、号牌只留后四位',
    onDelete: '未付款的订单清除；付过款的订单保留，但去掉你的微信身份（openid）和绑定，户号、号牌只留后四位；你为亲友代缴的订单属于亲友，保留但不再带你的微信身份；退款仍按订单号原路退回',
    keptWhy: '付款记录依法保存（会计凭证 30 年），对账和退款需要；不含姓名和 openid',
    exportAs: 'section',
    fields: [f('id', '订单号'), f('kind', '类别'), f('providerId', '收款单位'), f('accountRef', '户号/号牌'), f('subjectLabel', '缴费项目'), f('amount', '金额（分）'), f('lateFee', '滞纳金（分）'), f('status', '状态'), f('transactionId', '微信支付单号'), f('departmentRef', '入账回执号'), f('createdAt', '下单时间'), f('paidAt', '付款时间'), f('settledAt', '入账时间'), f('closedAt', '关闭时间'), f('refundedAt', '退款时间')],
    // Their own orders, and those they paid for a relative (亲友代办: the relative's order, their money).
    rows: (db, openid) => db.select().from(orders).where(or(eq(orders.openid, openid), eq(orders.payerOpenid, openid))).orderBy(asc(orders.createdAt)) as unknown as Promise<Array<Record<string, unknown>>>,
    erase: async (tx, openid) => {
      const erased = await count(tx.delete(orders).where(and(eq(orders.openid, openid), moneyless)).returning({ id: orders.id }));
      // An order paid for a relative is the relative's: it stays theirs, without the payer's openid.
      const paidForOthers = await count(tx.update(orders).set({ payerOpenid: sql`${ERASED_PREFIX} || ${orders.id}` }).where(eq(orders.payerOpenid, openid)).returning({ id: orders.id }));
      const kept = await count(
        tx
          .update(orders)
          .set({
            openid: sql`${ERASED_PREFIX} || ${orders.id}`,
            bindingId: null,
            payment: null,
            accountRef: sql`CASE WHEN length(${orders.accountRef}) > 4 THEN repeat('*', least(length(${orders.accountRef}) - 4, 6)) || right(${orders.accountRef}, 4) ELSE ${orders.accountRef} END`,
          })
          .where(eq(orders.openid, openid))
          .returning({ id: orders.id }),
      );
      return { erased, kept: kept + paidForOthers };
    },
  },
  {
    table: 'refunds',
    title: '退款',
    about: '退回给你的钱：哪笔订单、多少、为什么、是否已退回。',
    personal: ['openid'],
    other: ['id', 'order_id', 'transaction_id', 'total_fee', 'amount', 'reason', 'status', 'attempts', 'next_attempt_at', 'last_error', 'provider_refund_id', 'created_at', 'refunded_at'],
    retention: '随所属订单保存 30 年，删除我的数据后不再带 openid',
    onDelete: '保留，去掉你的微信身份（openid）；进行中的退款照常按订单号原路退回',
    keptWhy: '退款记录依法随订单保存，进行中的退款要按订单号完成',
    exportAs: 'section',
    fields: [f('orderId', '订单号'), f('amount', '退款金额（分）'), f('reason', '原因'), f('status', '状态'), f('createdAt', '发起时间'), f('refundedAt', '退回时间')],
    rows: ownRows(refunds, refunds.openid, refunds.createdAt),
    erase: async (tx, openid) => ({
      erased: 0,
      kept: await count(tx.update(refunds).set({ openid: sql`${ERASED_PREFIX} || ${refunds.orderId}` }).where(eq(refunds.openid, openid)).returning({ id: refunds.id })),
    }),
  },
  {
    table: 'ticket_events',
    title: '诉求进展',
    about: '12345 平台对你的诉求的每一步处理和答复。',
    personal: ['ticket_id', 'text', 'department'],
    other: ['seq', 'type', 'status', 'at', 'received_at'],
    retention: '随诉求',
    onDelete: '清除（12345 平台保留它自己的记录）',
    exportAs: 'section',
    fields: [f('ticketId', '诉求编号'), f('type', '事件'), f('status', '状态'), f('department', '承办单位'), f('text', '内容'), f('at', '时间')],
    rows: (db, openid) => db.select().from(ticketEvents).where(inArray(ticketEvents.ticketId, ownTicketIds(db, openid))).orderBy(asc(ticketEvents.seq)) as unknown as Promise<Array<Record<string, unknown>>>,
    erase: async (tx, openid) => ({ erased: await count(tx.delete(ticketEvents).where(inArray(ticketEvents.ticketId, ownTicketIds(tx, openid))).returning({ seq: ticketEvents.seq })), kept: 0 }),
  },
  {
    table: 'ticket_media_checks',
    title: '诉求照片的内容检查',
    about: '你的诉求照片送微信内容安全检查的结果。',
    personal: ['openid', 'ticket_id', 'file_id'],
    other: ['trace_id', 'submitted_at', 'suggest', 'label', 'errcode', 'verdict_at', 'outcome', 'outcome_at', 'resident_told_at', 'attempts', 'last_error'],
    retention: '随诉求',
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('ticketId', '诉求编号'), f('fileId', '照片'), f('suggest', '结论'), f('outcome', '处理'), f('submittedAt', '送检时间'), f('verdictAt', '结论时间')],
    rows: ownRows(ticketMediaChecks, ticketMediaChecks.openid, ticketMediaChecks.traceId),
    erase: async (tx, openid) => ({
      erased: await count(tx.delete(ticketMediaChecks).where(or(eq(ticketMediaChecks.openid, openid), inArray(ticketMediaChecks.ticketId, ownTicketIds(tx, openid)))).returning({ id: ticketMediaChecks.traceId })),
      kept: 0,
    }),
  },
  {
    table: 'tickets',
    title: '12345 诉求',
    about: '你提交的诉求：内容、地点、照片、联系电话和评价。',
    personal: ['openid', 'request_id', 'description', 'place', 'photos', 'video', 'contact_phone', 'reopen_reason', 'rating_comment', 'media_trace_ids', 'filed_photos', 'department'],
    other: ['id', 'kind', 'category', 'urgent', 'public', 'status', 'ticket_no', 'filed_at', 'submitted_at', 'replied_at', 'reopened_at', 'closed_at', 'reply_round', 'reopened_round', 'rated_round', 'rating', 'rated_at', 'last_event_seq', 'attempts', 'next_attempt_at', 'last_error'],
    retention: UNTIL_DELETED,
    onDelete: '清除本机记录；已提交的诉求由 12345 平台按其规定保存，平台的答复不再转告你；尚未提交出去的不再提交',
    exportAs: 'section',
    fields: [f('id', '编号'), f('ticketNo', '工单号'), f('kind', '类型'), f('category', '分类'), f('urgent', '紧急'), f('description', '内容'), f('place', '地点'), f('photos', '照片'), f('video', '视频'), f('contactPhone', '联系电话'), f('public', '公开'), f('status', '状态'), f('department', '承办单位'), f('filedAt', '提交时间'), f('repliedAt', '答复时间'), f('reopenReason', '重办理由'), f('closedAt', '办结时间'), f('rating', '评价'), f('ratingComment', '评价内容'), f('ratedAt', '评价时间')],
    rows: ownRows(tickets, tickets.openid, tickets.filedAt),
    erase: eraseOwn(tickets, tickets.openid),
  },
  {
    table: 'insurance_verifications',
    title: '实名认证（人脸核身）',
    about: '查社保前做的人脸核身：打码的姓名和身份证号、结果和有效期。身份证号本身从不保存，只存密钥散列；核身凭据加密保存，不在导出中。',
    personal: ['openid', 'biz_token', 'provider_secret', 'id_hash', 'id_masked', 'name_masked', 'person_ref'],
    other: ['id', 'method', 'status', 'failure_code', 'failure_message', 'created_at', 'link_expires_at', 'decided_at', 'access_expires_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('id', '编号'), f('method', '方式'), f('nameMasked', '姓名'), f('idMasked', '身份证号'), f('status', '结果'), f('failureMessage', '未通过原因'), f('createdAt', '发起时间'), f('decidedAt', '完成时间'), f('accessExpiresAt', '有效至')],
    rows: ownRows(insuranceVerifications, insuranceVerifications.openid, insuranceVerifications.createdAt),
    erase: eraseOwn(insuranceVerifications, insuranceVerifications.openid),
  },
  {
    table: 'insurance_access_log',
    title: '社保数据查询记录',
    about: '通过你的账户查看社保数据的每一次记录（何时、看了什么）。',
    personal: ['openid', 'id_hash', 'verification_id', 'description'],
    other: ['id', 'action', 'at'],
    retention: '1 年（每日定时清除更早的记录）',
    onDelete: '清除通过你的账户产生的记录',
    exportAs: 'section',
    fields: [f('at', '时间'), f('action', '操作'), f('description', '内容'), f('verificationId', '认证编号')],
    rows: ownRows(insuranceAccessLog, insuranceAccessLog.openid, insuranceAccessLog.at),
    erase: eraseOwn(insuranceAccessLog, insuranceAccessLog.openid),
  },
  {
    table: 'pension_eligibility',
    title: '养老金待遇资格认证',
    about: '领取养老金的人每年一次的待遇资格认证：社保局记录的上次认证日期和方式、是否暂停发放，以及提醒你的时间。',
    personal: ['openid', 'person_ref', 'verification_id', 'last_checked_on', 'last_checked_by', 'bureau_suspended'],
    other: ['required', 'read_at', 'next_check_at', 'created_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除（社保局保存它自己的认证记录）',
    exportAs: 'section',
    fields: [f('required', '需要认证'), f('lastCheckedOn', '上次认证日期'), f('lastCheckedBy', '认证方式'), f('bureauSuspended', '社保局已暂停发放'), f('readAt', '查询时间'), f('nextCheckAt', '下次查询'), f('createdAt', '开始提醒时间')],
    rows: ownRows(pensionEligibility, pensionEligibility.openid, pensionEligibility.createdAt),
    erase: eraseOwn(pensionEligibility, pensionEligibility.openid),
  },
  {
    table: 'eligibility_reminders',
    title: '待遇资格认证提醒',
    about: '认证截止前 60、30、7 天发给你的提醒（每次只发一回）。',
    personal: ['openid', 'due_by'],
    other: ['threshold', 'sent_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('dueBy', '认证截止日'), f('threshold', '提前天数'), f('sentAt', '发送时间')],
    rows: ownRows(eligibilityReminders, eligibilityReminders.openid, eligibilityReminders.sentAt),
    erase: eraseOwn(eligibilityReminders, eligibilityReminders.openid),
  },
  {
    table: 'messages',
    title: '消息中心',
    about: '发给你的提醒、回执、退款和诉求答复通知。',
    personal: ['openid', 'title', 'body', 'path', 'dedupe_key'],
    other: ['id', 'kind', 'created_at', 'read_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('id', '编号'), f('kind', '类别'), f('title', '标题'), f('body', '内容'), f('path', '页面'), f('createdAt', '时间'), f('readAt', '已读时间')],
    rows: ownRows(messages, messages.openid, messages.createdAt),
    erase: eraseOwn(messages, messages.openid),
  },
  {
    table: 'reminders',
    title: '开放提醒',
    about: '“开放时提醒我”：哪项服务、什么时候提醒你。',
    personal: ['openid'],
    other: ['id', 'service_id', 'remind_at', 'channel', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'claimed_until', 'until'],
    retention: UNTIL_DELETED,
    onDelete: '清除（未发出的提醒不再发送）',
    exportAs: 'section',
    fields: [f('serviceId', '服务'), f('remindAt', '提醒时间'), f('channel', '方式'), f('status', '状态'), f('createdAt', '设置时间'), f('sentAt', '发送时间')],
    rows: ownRows(reminders, reminders.openid, reminders.createdAt),
    erase: eraseOwn(reminders, reminders.openid),
  },
  {
    table: 'subscribe_grants',
    title: '订阅消息授权',
    about: '你同意接收的微信订阅消息次数（微信不提供查询，所以由便民记着）。',
    personal: ['openid'],
    other: ['template_id', 'granted', 'updated_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('templateId', '消息模板'), f('granted', '剩余次数'), f('updatedAt', '更新时间')],
    rows: ownRows(subscribeGrants, subscribeGrants.openid, subscribeGrants.templateId),
    erase: eraseOwn(subscribeGrants, subscribeGrants.openid),
  },
  {
    table: 'rate_limits',
    title: '安全次数限制',
    about: '核对户号、车辆和人脸认证的次数计数（只有时间，没有内容），防止有人猜测别人的户号或身份。',
    personal: ['caller'],
    other: ['name', 'hits', 'updated_at'],
    retention: `只记最近几次的时间；限制窗口（最长 ${LONGEST_WINDOW_MS / 3_600_000} 小时）过后这些时间不再起作用`,
    onDelete: `清除；窗口内（最长 ${LONGEST_WINDOW_MS / 3_600_000} 小时）仍在计数的保留，以免删除账户被用来绕过次数限制`,
    keptWhy: `次数限制窗口（最长 ${LONGEST_WINDOW_MS / 3_600_000} 小时）内的计数，防止删除账户绕过核对次数限制；只有时间`,
    exportAs: 'section',
    fields: [f('name', '限制'), f('hits', '计数时间'), f('updatedAt', '更新时间')],
    rows: ownRows(rateLimits, rateLimits.caller, rateLimits.name),
    erase: async (tx, openid, now) => {
      const since = new Date(now.getTime() - LONGEST_WINDOW_MS);
      const erased = await count(
        tx
          .delete(rateLimits)
          .where(and(eq(rateLimits.caller, openid), sql`NOT EXISTS (SELECT 1 FROM unnest(${rateLimits.hits}) AS h WHERE h > ${since.toISOString()}::timestamptz)`))
          .returning({ name: rateLimits.name }),
      );
      const kept = await count(tx.select({ name: rateLimits.name }).from(rateLimits).where(eq(rateLimits.caller, openid)));
      return { erased, kept };
    },
  },
  {
    table: 'bind_attempts',
    title: '绑定尝试（旧）',
    about: '旧版本记录的绑定户号尝试，已不再写入。',
    personal: ['openid'],
    other: ['id', 'outcome', 'created_at'],
    retention: `${UNTIL_DELETED}；随后续版本删表`,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('outcome', '结果'), f('createdAt', '时间')],
    rows: ownRows(bindAttempts, bindAttempts.openid, bindAttempts.createdAt),
    erase: eraseOwn(bindAttempts, bindAttempts.openid),
  },
  {
    table: 'family_actions',
    title: '亲友代办记录',
    about: '亲友为你办过的事（谁、做了什么、什么时候），以及你为亲友办过的事。',
    personal: ['holder_openid', 'helper_openid', 'what'],
    other: ['id', 'link_id', 'fn', 'action', 'at'],
    retention: UNTIL_DELETED,
    onDelete: '为你办过的记录清除；你为亲友办过的记录属于亲友，保留但不再带你的微信身份',
    keptWhy: '亲友要能看到谁为他们办过什么（代办记录是他们的）',
    exportAs: 'section',
    fields: [f('at', '时间'), f('fn', '服务'), f('action', '操作'), f('what', '内容'), f('linkId', '代办关系')],
    rows: (db, openid) =>
      db.select().from(familyActions).where(or(eq(familyActions.holderOpenid, openid), eq(familyActions.helperOpenid, openid))).orderBy(asc(familyActions.id)) as unknown as Promise<Array<Record<string, unknown>>>,
    erase: async (tx, openid) => ({
      erased: await count(tx.delete(familyActions).where(eq(familyActions.holderOpenid, openid)).returning({ id: familyActions.id })),
      kept: await count(tx.update(familyActions).set({ helperOpenid: sql`${ERASED_PREFIX} || ${familyActions.linkId}` }).where(eq(familyActions.helperOpenid, openid)).returning({ id: familyActions.id })),
    }),
  },
  {
    table: 'family_links',
    title: '亲友代办关系',
    about: '谁可以为你代办、你可以为谁代办：范围、称呼、建立和解除的时间。',
    personal: ['holder_openid', 'helper_openid', 'holder_label', 'helper_label', 'consent_verification_id'],
    other: ['id', 'invite_id', 'scopes', 'created_at', 'revoked_at', 'revoked_by'],
    retention: UNTIL_DELETED,
    onDelete: '你的代办关系全部解除：为你代办的关系清除；你为亲友代办的关系解除，亲友那边只留下称呼和解除时间，不再带你的微信身份',
    keptWhy: '亲友的代办记录要能说明是谁办的（他们给你的称呼）',
    exportAs: 'section',
    fields: [f('id', '编号'), f('holderLabel', '被代办人称呼'), f('helperLabel', '代办人称呼'), f('scopes', '范围'), f('createdAt', '建立时间'), f('revokedAt', '解除时间'), f('revokedBy', '解除方')],
    rows: (db, openid) =>
      db.select().from(familyLinks).where(or(eq(familyLinks.holderOpenid, openid), eq(familyLinks.helperOpenid, openid))).orderBy(asc(familyLinks.createdAt)) as unknown as Promise<Array<Record<string, unknown>>>,
    erase: async (tx, openid, now) => ({
      erased: await count(tx.delete(familyLinks).where(eq(familyLinks.holderOpenid, openid)).returning({ id: familyLinks.id })),
      kept: await count(
        tx
          .update(familyLinks)
          .set({ helperOpenid: sql`${ERASED_PREFIX} || ${familyLinks.id}`, revokedAt: sql`coalesce(${familyLinks.revokedAt}, ${now})`, revokedBy: sql`coalesce(${familyLinks.revokedBy}, 'helper')` })
          .where(eq(familyLinks.helperOpenid, openid))
          .returning({ id: familyLinks.id }),
      ),
    }),
  },
  {
    table: 'family_invites',
    title: '亲友代办邀请',
    about: '你发出的代办邀请：范围、称呼、有效期、是否已被接受（邀请码本身不保存，只存散列）。',
    personal: ['holder_openid', 'holder_label', 'code_hash', 'consent_verification_id'],
    other: ['id', 'scopes', 'created_at', 'expires_at', 'used_at'],
    retention: UNTIL_DELETED,
    onDelete: '清除',
    exportAs: 'section',
    fields: [f('id', '编号'), f('holderLabel', '称呼'), f('scopes', '范围'), f('createdAt', '发出时间'), f('expiresAt', '有效至'), f('usedAt', '接受时间')],
    rows: ownRows(familyInvites, familyInvites.holderOpenid, familyInvites.createdAt),
    erase: eraseOwn(familyInvites, familyInvites.holderOpenid),
  },
  {
    table: 'account_audit',
    title: '账户记录',
    about: '每次导出和删除你的数据的记录。不含 openid，只存它的密钥散列，所以删除之后仍能告诉你删除过。',
    personal: ['subject'],
    other: ['id', 'event', 'at', 'detail', 'token_hash', 'token_expires_at', 'confirms'],
    retention: '3 年（民法典第 188 条诉讼时效），数据库只允许删除超过 3 年的记录',
    onDelete: '保留（不含 openid）',
    keptWhy: '证明删除已经做过；不含 openid，只有各类数据的条数',
    exportAs: 'audit',
    fields: [f('at', '时间'), f('event', '事件'), f('detail', '条数')],
    // Read by subject hash in privacy/audit.ts: the openid is not what this table holds.
    rows: async () => [],
    erase: async () => ({ erased: 0, kept: 0 }),
  },
];

/** Every other table, and why it holds nothing of a resident's (or holds it only through an order id). */
export const NOT_PERSONAL: readonly NotPersonalTable[] = [
  { table: 'payments', why: '微信支付通知的金额和交易号，按订单号关联；不含居民身份，随订单保存' },
  { table: 'outbox', why: '付款后向缴费单位入账的待办，按订单号；不含居民身份' },
  { table: 'ticket_sync', why: '12345 事件读到哪里（游标和租约）' },
  { table: 'operators', why: '工作人员账户（城市工作人员，不是居民）' },
  { table: 'operator_sessions', why: '工作人员登录会话（只存令牌散列）' },
  { table: 'notices', why: '工作人员发布的维护和故障公告' },
  { table: 'schedule_versions', why: '工作人员设置的服务时间' },
  { table: 'audit_log', why: '工作人员操作记录（主体是公告、队列等，按编号）' },
  { table: 'department_health', why: '各部门接口的健康状态' },
  { table: 'department_outages', why: '各部门接口的故障记录' },
  { table: 'health_days', why: '各部门每日探测次数' },
  { table: 'reconciliations', why: '每日对账的运行记录（条数）' },
  { table: 'reconciliation_items', why: '对账差异，按订单号和交易号；不含居民身份' },
];

/**
 * Column names that point at a resident or hold what they wrote: a table outside the registry
 * with one of these is a registry that missed it. (A registered table must classify every column.)
 */
export const RESIDENT_COLUMN = /(^|_)(openid|caller|phone|id_number|id_hash|id_masked|holder_name|name_masked|address|account_no|account_ref|plate|person_ref|paid_by|payer|helper)$|(^|_)(engine|contact)(_|$)/;
