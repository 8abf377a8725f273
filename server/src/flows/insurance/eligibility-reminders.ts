import { eligibilityState, eligibilityThresholdFor, type EligibilityThreshold, shanghaiDate, toShanghaiIso } from '@bianmin/core';
import { formatDate } from '@bianmin/core/format';
import { eq, lte } from 'drizzle-orm';
import { eligibilityReminders, pensionEligibility } from '../../db/schema';
import { claimDue, leaseUntil } from '../../jobs/lease';
import { errorSummary } from '../../log';
import { fileMessage } from '../../messages/inbox';
import type { Deps } from '../../runtime/types';
import { bureauFor } from './bureau';
import type { RadarRow } from './eligibility';

/** Shanghai hours in which the reminders go out: an elderly resident's phone is not woken at night. */
export const ELIGIBILITY_SEND_HOURS = { from: 9, to: 20 } as const;
/** A claimed row is the run's for this long; a run that dies leaves it due again after it. */
export const ELIGIBILITY_LEASE_MS = 10 * 60_000;
/** A bureau that did not answer: the row is asked again after this. */
export const ELIGIBILITY_RETRY_MS = 60 * 60_000;
const BATCH = 50;

export const ELIGIBILITY_PATH = '/insurance/pages/eligibility/index';

export interface EligibilityReminderReport {
  /** Rows read from the bureau in this run. */
  checked: number;
  /** Reminders filed. */
  sent: number;
  /** Rows whose bureau read failed: asked again later, nothing lost. */
  deferred: number;
}

/** The reminder's words: the deadline, what happens if it passes, where to do it. */
export function eligibilityReminderText(threshold: EligibilityThreshold, daysLeft: number, dueBy: string, lastCheckedOn: string): { title: string; body: string } {
  return {
    title: `养老金待遇资格认证还有 ${daysLeft} 天到期`,
    body:
      `您上次认证于 ${formatDate(lastCheckedOn)}，本年度认证请在 ${formatDate(dueBy)} 前完成，逾期未认证将暂停发放养老金。` +
      `可在便民“社保查询”中刷脸认证（${threshold === 7 ? '只剩一周，请尽快办理' : '几分钟即可完成'}），也可由亲友陪同到社区或社保窗口办理。`,
  };
}

/** 09:00 Shanghai time on the day after `now`: when a row that was read today is read again. */
export function nextMorning(now: Date): Date {
  const tomorrow = shanghaiDate(new Date(now.getTime() + 24 * 3600_000));
  return new Date(`${tomorrow}T09:00:00+08:00`);
}

/**
 * The pension eligibility radar's run: for each due row (claimed with a lease), the bureau's last
 * check, then the reminder the day calls for — 60, 30 and 7 days before the deadline, each once per
 * retiree and cycle. The `eligibility_reminders` row and the message-centre entry are written in
 * one transaction keyed on (resident, deadline, threshold): a repeated or concurrent run files
 * nothing twice. The subscribe push goes after the commit, so at most once.
 */
export async function sendEligibilityReminders(deps: Deps, now: Date, opts: { canContinue?: () => boolean } = {}): Promise<EligibilityReminderReport> {
  const report: EligibilityReminderReport = { checked: 0, sent: 0, deferred: 0 };
  const hour = Number(toShanghaiIso(now).slice(11, 13));
  if (hour < ELIGIBILITY_SEND_HOURS.from || hour >= ELIGIBILITY_SEND_HOURS.to) return report;
  const db = await deps.db();
  const asOf = shanghaiDate(now);
  for (;;) {
    if (opts.canContinue && !opts.canContinue()) break;
    const rows: RadarRow[] = await claimDue(db, {
      table: pensionEligibility,
      id: pensionEligibility.openid,
      due: lte(pensionEligibility.nextCheckAt, now),
      oldestFirst: pensionEligibility.nextCheckAt,
      limit: BATCH,
      set: { nextCheckAt: leaseUntil(now, ELIGIBILITY_LEASE_MS) },
    });
    if (!rows.length) break;
    for (const row of rows) {
      if (opts.canContinue && !opts.canContinue()) {
        // Not reached in this run: due again at once (its lease would make it wait).
        await db.update(pensionEligibility).set({ nextCheckAt: now }).where(eq(pensionEligibility.openid, row.openid));
        continue;
      }
      await one(deps, row, now, asOf, report);
    }
    if (rows.length < BATCH) break;
  }
  return report;
}

async function one(deps: Deps, row: RadarRow, now: Date, asOf: string, report: EligibilityReminderReport): Promise<void> {
  const db = await deps.db();
  let e;
  try {
    // Fresh: a reminder must not be sent from an answer older than a check the retiree has done since.
    e = (await bureauFor(deps).eligibility(row.personRef, asOf, { allowStale: false })).data;
  } catch (err) {
    report.deferred++;
    deps.log.warn({ err: errorSummary(err) }, 'eligibility read deferred: bureau not answering');
    await db.update(pensionEligibility).set({ nextCheckAt: new Date(now.getTime() + ELIGIBILITY_RETRY_MS) }).where(eq(pensionEligibility.openid, row.openid));
    return;
  }
  report.checked++;
  const required = e.required;
  await db
    .update(pensionEligibility)
    .set({
      required,
      lastCheckedOn: required ? e.lastCheckedOn : null,
      lastCheckedBy: required ? e.channel : null,
      bureauSuspended: required && e.paymentStatus === 'suspended',
      readAt: now,
      nextCheckAt: nextMorning(now),
    })
    .where(eq(pensionEligibility.openid, row.openid));
  if (!e.required) return;
  const s = eligibilityState(e.lastCheckedOn, asOf, e.paymentStatus === 'suspended');
  const threshold = s.status === 'suspended' ? null : eligibilityThresholdFor(s.daysLeft);
  if (threshold === null) return;
  const text = eligibilityReminderText(threshold, s.daysLeft, s.dueBy, e.lastCheckedOn);
  const filed = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(eligibilityReminders)
      .values({ openid: row.openid, dueBy: s.dueBy, threshold, sentAt: now })
      .onConflictDoNothing()
      .returning({ threshold: eligibilityReminders.threshold });
    if (!r) return false;
    await fileMessage(tx, { openid: row.openid, kind: 'pension_eligibility', title: text.title, body: text.body, path: ELIGIBILITY_PATH, dedupeKey: `eligibility:${s.dueBy}:${threshold}`, at: now });
    return true;
  });
  if (!filed) return;
  report.sent++;
  deps.log.info({ threshold }, 'eligibility reminder filed');
  const templateId = deps.notifier.subscribeTemplateId;
  if (!templateId) return;
  try {
    await deps.notifier.sendSubscribeMessage({
      touser: row.openid,
      templateId,
      page: ELIGIBILITY_PATH.replace(/^\//, ''),
      data: {
        thing1: { value: text.title.slice(0, 20) },
        time2: { value: `${s.dueBy} 23:59` },
        thing3: { value: '点击在便民中刷脸认证'.slice(0, 20) },
      },
    });
  } catch (err) {
    deps.log.warn({ threshold, err: errorSummary(err) }, 'eligibility reminder push not delivered; message centre has it');
  }
}
