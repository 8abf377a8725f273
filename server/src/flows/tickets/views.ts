import {
  deadlineView,
  maskPhone,
  nextDeadline,
  REOPEN_WINDOW_DAYS,
  type TicketCategory,
  type TicketDetail,
  type TicketEventView,
  type TicketKind,
  type TicketPlace,
  type TicketRating,
  type TicketStatus,
  type TicketSummary,
  toShanghaiIso,
} from '@bianmin/core';
import type { HolidayCalendar } from '@bianmin/core/availability/index';
import type { ticketEvents, tickets } from '../../db/schema';
import type { Storage } from '../../storage/index';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;

export const SAVED_NOTICE = '已保存，平台恢复后自动提交';
/** A ticket the platform numbered with a number another of ours holds: it cannot be followed. */
export const NUMBER_TAKEN_NOTICE = '12345 平台没能给这条诉求一个新的工单号，无法跟进办理进度。请重新提交，或拨打 12345 说明情况。';

const STATUS_LABEL: Record<TicketStatus, string> = {
  pending: '待提交平台',
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
  reopened: '重办中',
  failed: '未能提交',
};
const EVENT_LABEL: Record<TicketEventView['type'], string> = { ...STATUS_LABEL, filed: '已保存', transferred: '已转办', rated: '已评价' };

export const statusLabel = (s: string) => STATUS_LABEL[s as TicketStatus] ?? s;

const DAY_MS = 24 * 3600_000;

/** Until when, and whether, the resident may ask for the latest reply to be handled again. */
export function reopenWindow(t: TicketRow, now: Date): TicketDetail['reopen'] {
  if (t.replyRound === 0 || !t.repliedAt) return { allowed: false, until: null, reason: '工单答复后 7 天内可以申请重办' };
  const until = new Date(t.repliedAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS);
  const base = { until: toShanghaiIso(until) };
  if (t.reopenedRound >= t.replyRound) return { allowed: false, ...base, reason: '这次答复已申请过重办，每次答复只能申请一次' };
  if (now.getTime() > until.getTime()) {
    return { allowed: false, ...base, reason: `答复已超过 ${REOPEN_WINDOW_DAYS} 天（答复于 ${toShanghaiIso(t.repliedAt).slice(0, 16).replace('T', ' ')}），不能再申请重办；如问题仍未解决，请重新提交诉求` };
  }
  if (t.status !== 'replied') return { allowed: false, ...base, reason: `工单${statusLabel(t.status)}，不能申请重办` };
  return { allowed: true, ...base, reason: null };
}

export function ticketSummary(t: TicketRow, now: Date, calendar: HolidayCalendar): TicketSummary {
  const status = t.status as TicketStatus;
  const d = nextDeadline({ kind: t.kind as TicketKind, urgent: t.urgent, status, filedAt: t.filedAt, reopenedAt: t.reopenedAt }, calendar);
  return {
    ticketId: t.id,
    ticketNo: t.ticketNo,
    kind: t.kind as TicketKind,
    category: t.category as TicketCategory,
    urgent: t.urgent,
    status,
    statusLabel: statusLabel(status),
    preview: Array.from(t.description).slice(0, 40).join(''),
    filedAt: toShanghaiIso(t.filedAt),
    nextDeadline: d ? deadlineView(d, now, calendar) : null,
    awaitingRating: (status === 'replied' || status === 'closed') && t.replyRound > t.ratedRound,
    notice: status === 'pending' ? SAVED_NOTICE : status === 'failed' ? NUMBER_TAKEN_NOTICE : null,
  };
}

export async function ticketDetail(t: TicketRow, events: TicketEventRow[], now: Date, calendar: HolidayCalendar, storage: Storage): Promise<TicketDetail> {
  const photos = (t.photos as string[]) ?? [];
  const [urls, videoUrl] = await Promise.all([Promise.all(photos.map((f) => storage.displayUrl(f))), t.video ? storage.displayUrl(t.video) : null]);
  const timeline: TicketEventView[] = [
    { at: toShanghaiIso(t.filedAt), type: 'filed', label: EVENT_LABEL.filed, department: null, text: '您提交了诉求，已保存。' },
    ...events
      .slice()
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ at: toShanghaiIso(e.at), type: e.type as TicketEventView['type'], label: EVENT_LABEL[e.type as TicketEventView['type']] ?? e.type, department: e.department, text: e.text })),
  ];
  return {
    ...ticketSummary(t, now, calendar),
    description: t.description,
    place: (t.place as TicketPlace | null) ?? null,
    photos: photos.map((fileId, i) => ({ fileId, url: urls[i] })),
    video: t.video && videoUrl ? { fileId: t.video, url: videoUrl } : null,
    contactPhoneMasked: t.contactPhone ? maskPhone(t.contactPhone) : null,
    public: t.public,
    department: t.department,
    timeline,
    rating: t.rating && t.ratedAt ? { rating: t.rating as TicketRating, comment: t.ratingComment, at: toShanghaiIso(t.ratedAt) } : null,
    reopen: reopenWindow(t, now),
  };
}
