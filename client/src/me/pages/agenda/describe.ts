import type { AgendaItem } from '@bianmin/core';
import { formatDate, formatDateTime, formatFen } from '@bianmin/core/format';

/** One person's items, in the server's order (own first, then each relative). */
export interface AgendaGroup {
  forWhom: string;
  items: AgendaItem[];
  /** Fen: what paying everything with an amount costs today. */
  total: number;
}

export function groupByPerson(items: readonly AgendaItem[]): AgendaGroup[] {
  const groups: AgendaGroup[] = [];
  for (const item of items) {
    let g = groups.find((x) => x.forWhom === item.forWhom);
    if (!g) groups.push((g = { forWhom: item.forWhom, items: [], total: 0 }));
    g.items.push(item);
    if (item.kind === 'bill' || item.kind === 'fine') g.total += item.amountDue ?? 0;
  }
  return groups;
}

/** The group's heading: 我的待办 / 妈妈的待办. */
export const groupTitle = (forWhom: string) => (forWhom === '我' ? '我的待办' : `${forWhom}的待办`);

/** Today's and tomorrow's price, in one line; tomorrow only when it differs. */
export function amountLine(item: AgendaItem): string | null {
  if (item.amountDue === undefined) return null;
  const today = `今天应缴 ${formatFen(item.amountDue)}`;
  if (item.amountTomorrow === undefined || item.amountTomorrow === item.amountDue) return today;
  return `${today}，明天 ${formatFen(item.amountTomorrow)}（多 ${formatFen(item.amountTomorrow - item.amountDue)} 违约金）`;
}

/** The deadline in words, and the day a fine's late fee stops growing (`today`: the agenda's date, YYYY-MM-DD). */
export function deadlineLine(item: AgendaItem, today: string): string | null {
  const parts: string[] = [];
  if (item.dueAt) parts.push(item.dueAt.length > 10 ? `${formatDateTime(item.dueAt)} 截止` : `截止日 ${formatDate(item.dueAt)}`);
  if (item.capReachedAt) {
    parts.push(item.capReachedAt <= today ? `加处罚款已于 ${formatDate(item.capReachedAt)} 达到上限，不再增加` : `加处罚款 ${formatDate(item.capReachedAt)} 达到上限`);
  }
  return parts.length ? parts.join('，') : null;
}

/** "数据更新于 3月10日 12:00，缴费单位暂时连不上" — the age of what is shown. */
export function staleLine(item: AgendaItem): string | null {
  if (!item.stale) return item.kind === 'unavailable' ? '暂时没有可显示的数据' : null;
  return `数据为 ${formatDateTime(item.stale.since)} 的查询结果，部门系统暂时连不上`;
}

/** "暂停办理，3月11日 00:30 恢复" */
export function closedLine(item: AgendaItem): string | null {
  if (!item.closed) return null;
  return item.closed.reopensAt ? `现在暂停办理，${formatDateTime(item.closed.reopensAt)} 恢复` : '现在暂停办理';
}

/** What tapping the item does, for its accessible name and its arrow. */
export const ACTION: Record<AgendaItem['kind'], string> = {
  bill: '查看账单',
  fine: '去缴款',
  violation: '去处理',
  ticket_rating: '去评价',
  ticket_reopen: '查看答复',
  pension_eligibility: '去认证',
  unavailable: '直接查看',
};

/** Everything the card says, in reading order, for its accessible name. */
export function spokenLabel(item: AgendaItem, today: string): string {
  return [item.title, item.detail, amountLine(item), deadlineLine(item, today), closedLine(item), staleLine(item), ACTION[item.kind]].filter(Boolean).join('，');
}
