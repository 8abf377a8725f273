import { daysBetween, formatFen, maskAccountNo, providerById, shanghaiDate, toShanghaiIso, utilityLateFee } from '@bianmin/core';
import { and, eq, isNull } from 'drizzle-orm';
import { billReminders, bindings } from '../../db/schema';
import { errorSummary } from '../../log';
import { fileMessage } from '../../messages/inbox';
import { liveOrdersFor } from '../../payments/orders';
import type { Deps } from '../../runtime/types';
import type { UtilityBill } from '../../departments/utility';
import { utilityFor } from './utilities';

/** Days before the due date that the "due soon" reminder goes out (WeChat 生活缴费 also says 3). */
export const DUE_SOON_DAYS = 3;

/**
 * Shanghai hours in which due-date reminders go out: a bill that turns overdue at midnight is
 * said at 08:00, not at 00:00 on an elderly resident's phone.
 */
export const SEND_HOURS = { from: 8, to: 21 } as const;

export type DueRule = 'due_soon' | 'overdue';

export interface DueReminderReport {
  /** Reminders filed in this run. */
  sent: number;
  /** Households whose department could not be asked: tried again next run, nothing lost. */
  deferred: number;
  /** Households looked at (reminders on). */
  households: number;
}

type BindingRow = typeof bindings.$inferSelect;

/** Which reminder a bill is due for on `asOf` (Shanghai date), if any. An overdue bill skips "due soon". */
export function ruleFor(bill: Pick<UtilityBill, 'status' | 'dueDate'>, asOf: string, leadDays = DUE_SOON_DAYS): DueRule | null {
  if (bill.status !== 'unpaid') return null;
  const left = daysBetween(asOf, bill.dueDate);
  if (left < 0) return 'overdue';
  if (left <= leadDays) return 'due_soon';
  return null;
}

function shanghaiHour(now: Date): number {
  return Number(toShanghaiIso(now).slice(11, 13));
}

/** `2026-03-15` → `3月15日` */
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
/** `2026-02` → `2026年2月` */
const ym = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

/**
 * The message text. Only what the resident needs to recognise the household: their own label and
 * the account number's last four digits (never the holder's name or the address).
 */
export function reminderText(b: BindingRow, bill: UtilityBill, rule: DueRule, asOf: string): { title: string; body: string; lateFee: number } {
  const provider = providerById(b.providerId);
  const what = provider?.kindName ?? '账单';
  const household = `${b.label ? `${b.label}，` : ''}户号 ${maskAccountNo(b.accountNo)}`;
  if (rule === 'due_soon') {
    const left = daysBetween(asOf, bill.dueDate);
    const when = left === 0 ? '今天' : `${left} 天后（${md(bill.dueDate)}）`;
    return {
      title: `${what}${when === '今天' ? '今天' : ` ${left} 天后`}到期`,
      body: `${household}：${ym(bill.period)}${what} ${formatFen(bill.amount)}，${when}到期，请按时缴纳，逾期每天加收 0.1% 违约金。`,
      lateFee: 0,
    };
  }
  const { lateFee, overdueDays } = utilityLateFee(bill.amount, bill.dueDate, asOf);
  return {
    title: `${what}已逾期`,
    body: `${household}：${ym(bill.period)}${what} ${formatFen(bill.amount)} 已于 ${md(bill.dueDate)} 到期，已逾期 ${overdueDays} 天，现有违约金 ${formatFen(lateFee)}，应缴 ${formatFen(bill.amount + lateFee)}。违约金每天增加，请尽快缴纳。`,
    lateFee,
  };
}

/**
 * Due-date reminders for every bound household whose resident left them on: one "due soon"
 * reminder `DUE_SOON_DAYS` before a bill's due date and one "overdue" reminder, with the late fee
 * it carries, once it is past. Run by the `reminders` timer with the other reminders.
 *
 * Once per binding, bill and rule: the `bill_reminders` row and the message-centre entry are
 * written in one transaction, and the row's primary key makes a concurrent or repeated run
 * insert nothing and file nothing. The WeChat subscribe message (when a template is configured)
 * is sent after that commit, so it goes out at most once: a crash between commit and send loses
 * that push, never the message-centre entry — we prefer that to pushing twice, because the
 * resident can only be pushed once per subscription they granted.
 *
 * Bills are read from the department (through its client's cache, once per account even when
 * several residents bound it). A department that is down or answers nonsense defers its
 * households to the next run (nothing is marked); the other departments' households go on.
 * Stale answers are not used: a bill paid at a counter since must not be reminded.
 */
export async function sendDueBillReminders(
  deps: Deps,
  now: Date,
  opts: {
    leadDays?: number;
    /** Whether one more account (a department read) still fits the run; the rest wait for the next run. */
    canContinue?: () => boolean;
  } = {},
): Promise<DueReminderReport> {
  const report: DueReminderReport = { sent: 0, deferred: 0, households: 0 };
  const hour = shanghaiHour(now);
  if (hour < SEND_HOURS.from || hour >= SEND_HOURS.to) return report;
  const db = await deps.db();
  const asOf = shanghaiDate(now);
  const rows = await db
    .select()
    .from(bindings)
    .where(and(isNull(bindings.deletedAt), eq(bindings.dueReminders, true)));
  report.households = rows.length;

  // One department read per account, however many residents bound it.
  const byAccount = new Map<string, BindingRow[]>();
  for (const r of rows) {
    const key = `${r.providerId}\u0000${r.accountNo}`;
    byAccount.set(key, [...(byAccount.get(key) ?? []), r]);
  }

  for (const group of byAccount.values()) {
    const { providerId, accountNo } = group[0];
    if (opts.canContinue && !opts.canContinue()) {
      report.deferred += group.length;
      continue;
    }
    let bills: UtilityBill[];
    try {
      bills = (await utilityFor(deps, providerId).bills(accountNo, asOf)).data;
    } catch (e) {
      report.deferred += group.length;
      deps.log.warn({ provider: providerId, households: group.length, err: errorSummary(e) }, 'due reminders deferred: department not answering');
      continue;
    }
    const due = bills.map((b) => ({ bill: b, rule: ruleFor(b, asOf, opts.leadDays) })).filter((x): x is { bill: UtilityBill; rule: DueRule } => x.rule !== null);
    if (!due.length) continue;
    // A bill we already hold the money for (paid, being posted) is not owed any more as far as
    // the resident is concerned; an unpaid order of ours (pending) still is.
    const live = await liveOrdersFor(db, providerId, due.map((d) => d.bill.billId));
    for (const { bill, rule } of due) {
      const order = live.get(bill.billId);
      if (order && order.status !== 'pending') continue;
      for (const b of group) {
        if (await fileOnce(deps, b, bill, rule, asOf, now)) report.sent++;
      }
    }
  }
  return report;
}

async function fileOnce(deps: Deps, b: BindingRow, bill: UtilityBill, rule: DueRule, asOf: string, now: Date): Promise<boolean> {
  const db = await deps.db();
  const text = reminderText(b, bill, rule, asOf);
  const path = `/bills/pages/bill/index?bindingId=${b.id}&kind=${b.kind}`;
  const filed = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(billReminders)
      .values({ bindingId: b.id, billId: bill.billId, rule, openid: b.openid, lateFee: text.lateFee, sentAt: now })
      .onConflictDoNothing()
      .returning({ billId: billReminders.billId });
    if (!row) return false;
    await fileMessage(tx, { openid: b.openid, kind: 'bill_due', title: text.title, body: text.body, path, dedupeKey: `bill:${b.id}:${bill.billId}:${rule}`, at: now });
    return true;
  });
  if (!filed) return false;
  deps.log.info({ binding: b.id, rule }, 'due reminder filed');
  const templateId = deps.notifier.subscribeTemplateId;
  if (templateId) {
    try {
      await deps.notifier.sendSubscribeMessage({
        touser: b.openid,
        templateId,
        page: path.replace(/^\//, ''),
        data: {
          thing1: { value: text.title.slice(0, 20) },
          time2: { value: `${bill.dueDate} 23:59` },
          thing3: { value: `应缴 ${formatFen(bill.amount + text.lateFee)}，点击查看并缴费`.slice(0, 20) },
        },
      });
    } catch (e) {
      // Most often the resident granted no subscription (43101): the message centre has it.
      deps.log.warn({ binding: b.id, rule, err: errorSummary(e) }, 'due reminder push not delivered; message centre has it');
    }
  }
  return true;
}
