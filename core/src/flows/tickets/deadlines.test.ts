import { chineseDaysCalendar } from '../../availability/calendar';
import { toShanghaiIso } from '../../time';
import { deadlineState, deadlineView, nextDeadline } from './deadlines';
import { CATEGORY_RULES, describeLimit, TICKET_CATEGORIES, TICKET_KINDS, TIME_LIMITS } from './rules';

const cal = chineseDaysCalendar();
const at = (s: string) => new Date(s);

describe('ticket deadlines', () => {
  it('gives a complaint filed Friday 2026-09-25 17:30 (Mid-Autumn) an accept deadline on the next working day', () => {
    const d = nextDeadline({ kind: '投诉', urgent: false, status: 'submitted', filedAt: at('2026-09-25T17:30:00+08:00') }, cal)!;
    expect({ step: d.step, at: toShanghaiIso(d.at) }).toEqual({ step: 'accept', at: '2026-09-28T11:00:00+08:00' });
  });

  it('counts the make-up Sunday 2026-09-20 as working for a consultation’s accept and answer', () => {
    const filedAt = at('2026-09-20T10:00:00+08:00');
    expect(toShanghaiIso(nextDeadline({ kind: '咨询', urgent: false, status: 'pending', filedAt }, cal)!.at)).toBe('2026-09-20T12:00:00+08:00');
    // One working day: to the same working moment of the next working day (Monday 09-21).
    expect(toShanghaiIso(nextDeadline({ kind: '咨询', urgent: false, status: 'accepted', filedAt }, cal)!.at)).toBe('2026-09-21T10:00:00+08:00');
  });

  it('gives a complaint five working days to answer, across the holiday run', () => {
    const d = nextDeadline({ kind: '投诉', urgent: false, status: 'dispatched', filedAt: at('2026-09-24T15:00:00+08:00') }, cal)!;
    // 09-24 (3 h) · 25–27 holiday · 28, 29, 30 · 10-01..07 holiday · 10-08 · 10-09 (+6 h to 15:00)
    expect(toShanghaiIso(d.at)).toBe('2026-10-09T15:00:00+08:00');
  });

  it('runs urgent tickets on calendar hours, holidays included', () => {
    const d = nextDeadline({ kind: '求助', urgent: true, status: 'accepted', filedAt: at('2026-10-01T20:00:00+08:00') }, cal)!;
    expect(toShanghaiIso(d.at)).toBe('2026-10-02T20:00:00+08:00');
    expect(toShanghaiIso(nextDeadline({ kind: '投诉', urgent: true, status: 'pending', filedAt: at('2026-10-01T20:00:00+08:00') }, cal)!.at)).toBe('2026-10-01T21:00:00+08:00');
  });

  it('counts a reopened ticket’s answer from the reopening', () => {
    const d = nextDeadline({ kind: '咨询', urgent: false, status: 'reopened', filedAt: at('2026-03-02T10:00:00+08:00'), reopenedAt: at('2026-03-10T16:00:00+08:00') }, cal)!;
    expect(toShanghaiIso(d.at)).toBe('2026-03-11T16:00:00+08:00');
  });

  it('owes nothing once replied, closed or refused', () => {
    for (const status of ['replied', 'closed', 'rejected'] as const) {
      expect(nextDeadline({ kind: '投诉', urgent: false, status, filedAt: at('2026-03-10T10:00:00+08:00') }, cal)).toBeNull();
    }
  });

  it('is on time, then due soon in the last quarter of working time, then overdue', () => {
    const d = nextDeadline({ kind: '投诉', urgent: false, status: 'submitted', filedAt: at('2026-03-13T17:00:00+08:00') }, cal)!;
    expect(toShanghaiIso(d.at)).toBe('2026-03-16T10:00:00+08:00');
    // Saturday: 2 working hours still left, whatever the clock says.
    expect(deadlineState(d, at('2026-03-14T12:00:00+08:00'), cal)).toBe('on_time');
    expect(deadlineState(d, at('2026-03-16T09:29:00+08:00'), cal)).toBe('on_time');
    expect(deadlineState(d, at('2026-03-16T09:30:00+08:00'), cal)).toBe('due_soon');
    expect(deadlineState(d, at('2026-03-16T10:00:00+08:00'), cal)).toBe('overdue');
  });

  it('describes itself for the resident', () => {
    const d = nextDeadline({ kind: '投诉', urgent: false, status: 'accepted', filedAt: at('2026-03-10T10:00:00+08:00') }, cal)!;
    expect(deadlineView(d, at('2026-03-10T10:00:00+08:00'), cal)).toEqual({
      step: 'answer', label: '答复时限', dueAt: '2026-03-17T10:00:00+08:00', state: 'on_time', rule: '5 个工作日内答复', estimated: false,
    });
    expect(describeLimit(TIME_LIMITS.urgent.answer)).toBe('24 小时');
    expect(describeLimit(TIME_LIMITS.咨询.accept)).toBe('2 个工作小时');
  });
});

describe('ticket rules as data', () => {
  it('has the eight categories, each allowing at least complaints and consultations, and limits for every kind', () => {
    expect(CATEGORY_RULES.map((c) => c.category)).toEqual([...TICKET_CATEGORIES]);
    for (const c of CATEGORY_RULES) expect(c.kinds).toEqual(expect.arrayContaining(['投诉', '咨询']));
    for (const k of TICKET_KINDS) expect(TIME_LIMITS[k]).toBeDefined();
  });
});
