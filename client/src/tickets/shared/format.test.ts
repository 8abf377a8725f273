import type { DeadlineView, TicketDetail } from '@bianmin/core';
import { agentClosedWords, awaitingRating, charHint, countChars, deadlineLine, deadlineSpoken, formatDuration, maskPhone, STATUS_CHIP, ticketHeadline } from './format';

const deadline = (over: Partial<DeadlineView> = {}): DeadlineView => ({
  step: 'answer',
  label: '答复时限',
  dueAt: '2026-03-17T10:00:00+08:00',
  state: 'on_time',
  rule: '5 个工作日内答复',
  estimated: false,
  ...over,
});

describe('tickets format', () => {
  it('says the next deadline with its state in words, and marks an estimated one', () => {
    expect(deadlineLine(deadline())).toBe('答复时限 2026年3月17日 10:00 前 · 按时办理中');
    expect(deadlineLine(deadline({ state: 'due_soon', label: '受理时限' }))).toBe('受理时限 2026年3月17日 10:00 前 · 即将到期');
    expect(deadlineLine(deadline({ state: 'overdue', estimated: true }))).toBe('答复时限 2026年3月17日 10:00 前（按周一至周五估算） · 已超时');
    expect(deadlineSpoken(deadline())).toBe('答复时限：5 个工作日内答复，2026年3月17日 10:00 前，按时办理中');
  });

  it('counts characters as the server does: trimmed, an emoji as one', () => {
    expect(countChars('  井盖缺失😀  ')).toBe(5);
    expect(countChars('井盖\u200b\u200b缺失')).toBe(4);
    expect(charHint('井盖缺失', { min: 10, max: 1000 })).toEqual({ count: 4, ok: false, text: '4/1000 · 至少 10 字，还差 6 字' });
    expect(charHint('一二三四五六七八九十', { min: 10, max: 1000 })).toEqual({ count: 10, ok: true, text: '10/1000' });
    expect(charHint('字'.repeat(1003), { min: 10, max: 1000 }).text).toBe('1003/1000 · 超出 3 字');
  });

  it('counts the tickets waiting for a rating', () => {
    expect(awaitingRating([{ awaitingRating: true }, { awaitingRating: false }, { awaitingRating: true }])).toBe(2);
    expect(awaitingRating([])).toBe(0);
  });

  it('masks a phone number, spaces and dashes ignored', () => {
    expect(maskPhone('138 1234-5678')).toBe('138****5678');
  });

  it('has a chip with words for every status, and formats a video length', () => {
    expect(STATUS_CHIP.pending.hint).toBe('已保存，平台恢复后自动提交');
    expect(Object.values(STATUS_CHIP).every((c) => c.label.length > 0)).toBe(true);
    expect(formatDuration(45.4)).toBe('0:45');
    expect(formatDuration(60)).toBe('1:00');
  });

  it('stops asking for a rating once the reply is rated, and says the rating instead', () => {
    const replied: Pick<TicketDetail, 'status' | 'rating' | 'awaitingRating'> = { status: 'replied', rating: null, awaitingRating: true };
    expect(ticketHeadline(replied)).toBe('部门已答复，请评价办理结果');
    const rated = { ...replied, awaitingRating: false, rating: { rating: '基本满意' as const, comment: null, at: '2026-03-10T16:00:00+08:00' } };
    expect(ticketHeadline(rated)).toBe('部门已答复，您的评价：基本满意');
    expect(ticketHeadline(rated)).not.toContain('请评价');
    expect(ticketHeadline({ ...rated, status: 'closed' })).toBe('诉求已办结，您的评价：基本满意');
  });

  it('says when 人工客服 is back once, and offers the 12345 line meanwhile', () => {
    const w = agentClosedWords({ backAt: '2026-03-16T09:00:00+08:00' });
    expect(w.title).toBe('2026年3月16日 09:00 恢复人工服务');
    expect(`${w.title}${w.text}`.match(/09:00/g)).toHaveLength(1);
    expect(w.text).toContain('12345');
  });
});
