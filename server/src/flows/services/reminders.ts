import { AppError, findService, type ReminderView, toShanghaiIso } from '@bianmin/core';
import { scheduledService } from '@bianmin/core/availability/index';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { evaluate } from '../../availability/evaluate';
import { reminders } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import { claimDue, leaseUntil } from '../../jobs/lease';
import { fileMessage } from '../../messages/inbox';
import { errorSummary } from '../../log';
import type { Deps, ResidentContext } from '../../runtime/types';
import { reminderView } from './views';

export type ReminderChannel = 'subscribe' | 'inbox';

/** How often a "when the department recovers" reminder probes it: the timer's own rhythm. */
export const RECOVERY_CHECK_MS = 60_000;

/**
 * "Remind me when it opens". Only for a service that is not open now: closed or in maintenance
 * with a known reopening (remind then), or its department down (恢复后提醒我: remind once it
 * answers again, however long that takes — a retry time is our guess, never its recovery).
 * Asking twice keeps the one pending reminder (moved to the latest answer).
 */
export async function createReminder(ctx: ResidentContext, input: { serviceId: string; channel: ReminderChannel }): Promise<{ reminder: ReminderView }> {
  const openid = ctx.caller.openid;
  const { serviceId, channel } = input;
  const service = findService(serviceId);
  if (service && !service.live) {
    // Its flow is not in the app yet: a reminder would lead the resident to "coming soon".
    throw new AppError('CONFLICT', `${service.name}即将上线，上线后才能设置提醒。`);
  }
  // Asked from a failure page: what this instance's breaker knows may be older than that failure.
  const dept = service?.department;
  await Promise.all([dept ? ctx.deps.departments[dept]?.probe().catch(() => undefined) : undefined, ctx.deps.overrides?.refresh()]);
  const a = evaluate(serviceId, ctx.clock.now(), ctx.deps);
  if (a.state === 'open' || a.state === 'closing_soon') {
    throw new AppError('CONFLICT', `${findService(serviceId)?.name ?? '该服务'}现在就可以办理，无需设置提醒。`, { availability: a });
  }
  const until = a.state === 'down' ? 'recovers' : 'opens';
  if (until === 'opens' && !a.opensAt) {
    throw new AppError('CONFLICT', '暂时无法确定恢复时间，无法设置提醒，请稍后再看。', { availability: a, retryable: true });
  }
  const remindAt = until === 'recovers' ? new Date(ctx.clock.now().getTime() + RECOVERY_CHECK_MS) : new Date(a.opensAt!);
  const db = await ctx.deps.db();
  const effectiveChannel: ReminderChannel = channel === 'subscribe' && ctx.deps.notifier.subscribeTemplateId ? 'subscribe' : 'inbox';
  try {
    const [row] = await db.insert(reminders).values({ openid, serviceId, remindAt, channel: effectiveChannel, until, createdAt: ctx.clock.now() }).returning();
    return { reminder: reminderView(row) };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const [row] = await db
      .update(reminders)
      .set({ remindAt, channel: effectiveChannel, until })
      .where(and(eq(reminders.openid, openid), eq(reminders.serviceId, serviceId), eq(reminders.status, 'pending')))
      .returning();
    if (!row) throw new AppError('CONFLICT', '提醒状态刚刚发生变化，请重试。', { retryable: true });
    return { reminder: reminderView(row) };
  }
}

/** The resident's pending reminders, soonest first. */
export async function listReminders(ctx: ResidentContext): Promise<{ reminders: ReminderView[] }> {
  const db = await ctx.deps.db();
  const rows = await db
    .select()
    .from(reminders)
    .where(and(eq(reminders.openid, ctx.caller.openid), eq(reminders.status, 'pending')))
    .orderBy(asc(reminders.remindAt));
  return { reminders: rows.map(reminderView) };
}

/** Cancels one of the resident's own pending reminders; another resident's id is simply not found. */
export async function cancelReminder(ctx: ResidentContext, input: { reminderId: string }): Promise<{ cancelled: true }> {
  const db = await ctx.deps.db();
  const done = await db
    .update(reminders)
    .set({ status: 'cancelled' })
    .where(and(eq(reminders.id, input.reminderId), eq(reminders.openid, ctx.caller.openid), eq(reminders.status, 'pending')))
    .returning({ id: reminders.id });
  if (!done.length) throw new AppError('NOT_FOUND', '没有找到这条待发送的提醒。');
  return { cancelled: true };
}

/**
 * Whether the service's department answers its health check now. The sender runs in its own
 * function instance, whose client has not called the department since: its breaker knows
 * nothing, so ask (the client caches the answer for its probe interval and coalesces asks).
 */
async function departmentAnswers(deps: Deps, serviceId: string): Promise<boolean> {
  const dept = findService(serviceId)?.department;
  const client = dept ? deps.departments[dept] : undefined;
  if (!client) return false;
  try {
    return (await client.probe()).state === 'up';
  } catch {
    return false;
  }
}

const MAX_ATTEMPTS = 5;

export interface SendReport {
  sent: number;
  rescheduled: number;
  failed: number;
}

/**
 * How long a run owns the reminders it claimed. A timer fires every minute and a batch of 100
 * sends in seconds; past the lease the run is presumed dead and its claims go back to the pool.
 */
export const REMINDER_LEASE_MS = 2 * 60_000;

/**
 * Sends the reminders that are due at `now`. Each is claimed (pending → sending, with a lease)
 * in one statement with SKIP LOCKED, so two live senders — a timer firing while the last run is
 * still going, two instances — never both take it. A run that dies after claiming (killed,
 * timed out) loses nothing: once its lease runs out the next run claims the reminder again.
 * So the WeChat subscribe message goes out at least once, and the message-centre entry exactly
 * once (its dedupe key is the reminder's id). A service that is still closed (a department still
 * down, a maintenance extended) moves the reminder to its new reopening instead of telling the
 * resident something untrue.
 */
export async function sendDueReminders(deps: Deps, now: Date, limit = 100, opts: { canContinue?: () => boolean } = {}): Promise<SendReport> {
  const db = await deps.db();
  // An operator's maintenance or incident published since the last run keeps a reminder waiting.
  await deps.overrides?.refresh();
  const report: SendReport = { sent: 0, rescheduled: 0, failed: 0 };
  const claimed = await claimDue(db, {
    table: reminders,
    id: reminders.id,
    due: or(and(eq(reminders.status, 'pending'), lte(reminders.remindAt, now)), and(eq(reminders.status, 'sending'), lte(reminders.claimedUntil, now))),
    oldestFirst: reminders.remindAt,
    limit,
    set: { status: 'sending', attempts: sql`${reminders.attempts} + 1`, claimedUntil: leaseUntil(now, REMINDER_LEASE_MS) },
  });

  for (const [i, r] of claimed.entries()) {
    if (opts.canContinue && !opts.canContinue()) {
      // Out of the run's time (runtime/budgets.ts): the rest go back as they were, for the next run.
      const rest = claimed.slice(i).map((x) => x.id);
      await db
        .update(reminders)
        .set({ status: 'pending', claimedUntil: null, attempts: sql`greatest(${reminders.attempts} - 1, 0)` })
        .where(and(inArray(reminders.id, rest), eq(reminders.status, 'sending')));
      break;
    }
    if (r.attempts > MAX_ATTEMPTS) {
      // Claimed and abandoned run after run (each one died on it): stop, and say so in the log,
      // rather than let one reminder take down every run after it.
      await db.update(reminders).set({ status: 'failed', claimedUntil: null, lastError: 'abandoned by every run that claimed it' }).where(eq(reminders.id, r.id));
      deps.log.error({ reminder: r.id, attempts: r.attempts }, 'reminder given up: every run that claimed it died');
      report.failed++;
      continue;
    }
    const service = scheduledService(r.serviceId);
    if (r.until === 'recovers' && !(await departmentAnswers(deps, r.serviceId))) {
      // Still down: look again next run. Waiting is not a failed attempt.
      await db
        .update(reminders)
        .set({ status: 'pending', remindAt: new Date(now.getTime() + RECOVERY_CHECK_MS), claimedUntil: null, attempts: Math.max(0, r.attempts - 1) })
        .where(eq(reminders.id, r.id));
      report.rescheduled++;
      continue;
    }
    const a = evaluate(r.serviceId, now, deps);
    if (a.state !== 'open' && a.state !== 'closing_soon' && a.opensAt && new Date(a.opensAt) > now) {
      try {
        await db.update(reminders).set({ status: 'pending', remindAt: new Date(a.opensAt), claimedUntil: null }).where(eq(reminders.id, r.id));
      } catch (e) {
        // The resident asked again while this one was claimed: theirs is the pending one now.
        if (!isUniqueViolation(e)) throw e;
        await db.update(reminders).set({ status: 'cancelled', claimedUntil: null }).where(eq(reminders.id, r.id));
      }
      report.rescheduled++;
      continue;
    }
    const name = service?.name ?? r.serviceId;
    const path = findService(r.serviceId)?.path ?? '/pages/hub/index';
    try {
      await fileMessage(db, {
        openid: r.openid,
        kind: 'reminder',
        title: `${name}已恢复办理`,
        body: a.message,
        path,
        dedupeKey: `reminder:${r.id}`,
        at: now,
      });
      if (r.channel === 'subscribe' && deps.notifier.subscribeTemplateId) {
        await deps.notifier.sendSubscribeMessage({
          touser: r.openid,
          templateId: deps.notifier.subscribeTemplateId,
          page: path.replace(/^\//, ''),
          data: {
            thing1: { value: name.slice(0, 20) },
            time2: { value: toShanghaiIso(now).slice(0, 16).replace('T', ' ') },
            thing3: { value: '您关注的服务已恢复，可以办理了' },
          },
        });
      }
      await db.update(reminders).set({ status: 'sent', sentAt: now, claimedUntil: null }).where(eq(reminders.id, r.id));
      report.sent++;
    } catch (e) {
      const giveUp = r.attempts >= MAX_ATTEMPTS;
      const summary = errorSummary(e);
      deps.log.warn({ reminder: r.id, attempts: r.attempts, err: e }, 'reminder send failed');
      await db
        .update(reminders)
        // Class and code only: an error's message may carry the openid or the SQL's parameters.
        .set({ status: giveUp ? 'failed' : 'pending', claimedUntil: null, lastError: [summary.type, summary.code].filter(Boolean).join(' ').slice(0, 200), remindAt: new Date(now.getTime() + 60_000 * 2 ** r.attempts) })
        .where(eq(reminders.id, r.id));
      if (giveUp) report.failed++;
    }
  }
  return report;
}
