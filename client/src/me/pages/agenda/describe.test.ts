import type { AgendaItem } from '@bianmin/core';
import { amountLine, closedLine, deadlineLine, groupByPerson, groupTitle, spokenLabel, staleLine } from './describe';

const item = (over: Partial<AgendaItem>): AgendaItem => ({ id: 'x', kind: 'bill', title: '我家 水费待缴', detail: '市自来水公司 户号 *****4587', forWhom: '我', path: '/bills/pages/bill/index', ...over });

describe('the agenda’s words', () => {
  it('groups by person in the server’s order, totalling what can be paid', () => {
    const groups = groupByPerson([
      item({ id: 'a', amountDue: 8640 }),
      item({ id: 'b', forWhom: '妈妈', amountDue: 100 }),
      item({ id: 'c', kind: 'fine', amountDue: 20_000 }),
      item({ id: 'd', kind: 'pension_eligibility', forWhom: '妈妈' }),
    ]);
    expect(groups.map((g) => [groupTitle(g.forWhom), g.items.map((i) => i.id), g.total])).toEqual([
      ['我的待办', ['a', 'c'], 28_640],
      ['妈妈的待办', ['b', 'd'], 100],
    ]);
  });

  it('says tomorrow’s price only when it differs, with the difference', () => {
    expect(amountLine(item({ amountDue: 8640, amountTomorrow: 8649 }))).toBe('今天应缴 ¥86.40，明天 ¥86.49（多 ¥0.09 违约金）');
    expect(amountLine(item({ amountDue: 8640, amountTomorrow: 8640 }))).toBe('今天应缴 ¥86.40');
    expect(amountLine(item({}))).toBeNull();
  });

  it('names the deadline, a window’s closing time and the day a late fee caps', () => {
    expect(deadlineLine(item({ dueAt: '2026-03-15', capReachedAt: '2026-04-18' }), '2026-03-10')).toBe('截止日 2026年3月15日，加处罚款 2026年4月18日 达到上限');
    expect(deadlineLine(item({ dueAt: '2026-01-24', capReachedAt: '2026-02-27' }), '2026-03-10')).toBe('截止日 2026年1月24日，加处罚款已于 2026年2月27日 达到上限，不再增加');
    expect(deadlineLine(item({ dueAt: '2026-03-17T15:00:00+08:00' }), '2026-03-10')).toMatch(/15:00 截止$/);
  });

  it('says how old stale data is, and when a closed service reopens', () => {
    expect(staleLine(item({ stale: { since: '2026-03-10T12:00:00+08:00' } }))).toMatch(/^数据为 .*12:00 的查询结果，部门系统暂时连不上$/);
    expect(staleLine(item({ kind: 'unavailable' }))).toBe('暂时没有可显示的数据');
    expect(closedLine(item({ closed: { reason: '…', reopensAt: '2026-03-11T00:30:00+08:00' } }))).toMatch(/^现在暂停办理，.*00:30 恢复$/);
    expect(spokenLabel(item({ amountDue: 100 }), '2026-03-10')).toBe('我家 水费待缴，市自来水公司 户号 *****4587，今天应缴 ¥1.00，查看账单');
  });
});
