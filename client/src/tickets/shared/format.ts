import type { AgentResult, DeadlineView, TicketDetail, TicketStatus, TicketSummary } from '@bianmin/core';
import { formatDateTime } from '@bianmin/core/format';
import type { Hotline } from '@bianmin/core/hotlines';
import { withoutInvisible } from '@bianmin/core/invisible';

import type { PillTone } from '../../ui/status-pill';

type ChipTone = PillTone;

/** A ticket's status as a chip: words first (never colour alone), and what it means for the resident. */
export const STATUS_CHIP: Record<TicketStatus, { label: string; tone: ChipTone; hint: string }> = {
  pending: { label: '待提交', tone: 'warn', hint: '已保存，平台恢复后自动提交' },
  submitted: { label: '已提交', tone: 'progress', hint: '等待 12345 受理' },
  accepted: { label: '已受理', tone: 'progress', hint: '12345 已受理，正在派往承办部门' },
  dispatched: { label: '办理中', tone: 'progress', hint: '承办部门正在办理' },
  replied: { label: '已答复', tone: 'ok', hint: '部门已答复，请评价办理结果' },
  closed: { label: '已办结', tone: 'muted', hint: '诉求已办结' },
  rejected: { label: '不予受理', tone: 'danger', hint: '12345 未受理，理由见办理记录' },
  reopened: { label: '重办中', tone: 'progress', hint: '已申请重办，等待新的答复' },
  failed: { label: '未能提交', tone: 'danger', hint: '12345 平台未能登记这条诉求，请重新提交' },
};

export const DEADLINE_STATE: Record<DeadlineView['state'], { label: string; tone: ChipTone }> = {
  on_time: { label: '按时办理中', tone: 'ok' },
  due_soon: { label: '即将到期', tone: 'warn' },
  overdue: { label: '已超时', tone: 'danger' },
};

/**
 * The next deadline in one line for a resident: '答复时限 3月17日 10:00 前 · 按时办理中'.
 * An estimated one (a year the holiday calendar does not cover yet) says so.
 */
export function deadlineLine(d: DeadlineView): string {
  const est = d.estimated ? '（按周一至周五估算）' : '';
  return `${d.label} ${formatDateTime(d.dueAt)} 前${est} · ${DEADLINE_STATE[d.state].label}`;
}

/** The same for a screen reader, with the rule: '答复时限：5 个工作日内答复，3月17日 10:00 前，按时办理中'. */
export function deadlineSpoken(d: DeadlineView): string {
  return `${d.label}：${d.rule}，${formatDateTime(d.dueAt)} 前，${DEADLINE_STATE[d.state].label}`;
}

/** Characters as the server counts them for the minimum (code points a reader sees, after trimming): an emoji is one, a zero-width space none. */
export function countChars(text: string): number {
  return Array.from(withoutInvisible(text.replace(/\r\n?/g, '\n').trim()).trim()).length;
}

/** '还可输入 12 字' / '还差 3 字' / '超出 5 字', for under the description box. */
export function charHint(text: string, limits: { min: number; max: number }): { count: number; text: string; ok: boolean } {
  const count = countChars(text);
  if (count < limits.min) return { count, ok: false, text: `${count}/${limits.max} · 至少 ${limits.min} 字，还差 ${limits.min - count} 字` };
  if (count > limits.max) return { count, ok: false, text: `${count}/${limits.max} · 超出 ${count - limits.max} 字` };
  return { count, ok: true, text: `${count}/${limits.max}` };
}

/** How many of the resident's tickets wait for their rating (answered, not yet rated). */
export function awaitingRating(tickets: readonly Pick<TicketSummary, 'awaitingRating'>[]): number {
  return tickets.filter((t) => t.awaitingRating).length;
}

/** 13812345678 → 138****5678: the phone as the resident sees it once it is saved. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 3)}****${digits.slice(7)}` : digits.replace(/\d(?=\d{4})/g, '*');
}

/** A video's length as shown beside it: 0:45. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The line atop a ticket: where it stands for the resident. Once they have rated the reply it no
 * longer asks them to ("请评价办理结果"), it says what they said.
 */
export function ticketHeadline(t: Pick<TicketDetail, 'status' | 'rating' | 'awaitingRating'>): string {
  if (t.rating && !t.awaitingRating && (t.status === 'replied' || t.status === 'closed')) {
    return `${t.status === 'closed' ? '诉求已办结' : '部门已答复'}，您的评价：${t.rating.rating}`;
  }
  return STATUS_CHIP[t.status].hint;
}

/**
 * 人工客服 off duty, said once: when agents are back (the title), the hours once (under it), and
 * what can be done now — leave a consultation, or phone 12345.
 */
export function agentClosedWords(a: Pick<AgentResult, 'backAt'>): { title: string; text: string } {
  return {
    title: a.backAt ? `${formatDateTime(a.backAt)} 恢复人工服务` : '人工客服暂停',
    text: '人工客服在法定工作日 9:00–18:00（含调休上班日）在岗。现在可以留下咨询，工作时间内答复；急事请拨打 12345 热线。',
  };
}

/**
 * The city's 12345 line: a person on the phone when the app's 人工客服 is off duty. Kept with the
 * tickets flow, not beside the utilities' lines in core/hotlines (which the hub's sheet, in the
 * main package, imports).
 */
export const CITY_HOTLINE: Hotline = { name: '12345 政务服务便民热线', number: '12345', tel: '12345' };
