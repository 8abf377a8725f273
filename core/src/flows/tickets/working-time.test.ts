import { chineseDaysCalendar, type HolidayCalendar } from '../../availability/calendar';
import { toShanghaiIso } from '../../time';
import { addWorkingTime, isWorkingTime, workingTimeBetween } from './working-time';

const cal = chineseDaysCalendar();
const at = (s: string) => new Date(s);
const add = (start: string, minutes: number, c: HolidayCalendar = cal) => {
  const r = addWorkingTime(at(start), minutes, c);
  return { at: toShanghaiIso(r.at), estimated: r.estimated };
};

describe('addWorkingTime (09:00–18:00 Shanghai on China’s working days; host in UTC)', () => {
  it('counts two working hours inside one working day', () => {
    expect(add('2026-03-10T10:15:00+08:00', 120)).toEqual({ at: '2026-03-10T12:15:00+08:00', estimated: false });
  });

  it('starts counting at 09:00 for a submission at 08:00', () => {
    expect(add('2026-03-10T08:00:00+08:00', 120).at).toBe('2026-03-10T11:00:00+08:00');
  });

  it('carries what is left at 17:59 into the next working day', () => {
    expect(add('2026-03-10T17:59:00+08:00', 120).at).toBe('2026-03-11T10:59:00+08:00');
  });

  it('counts a half-minute left at 17:59:30, not a whole one', () => {
    expect(add('2026-03-10T17:59:30+08:00', 1).at).toBe('2026-03-11T09:00:30+08:00');
  });

  it('ends at 18:00 when the limit runs out exactly at the close, not at 09:00 the next day', () => {
    expect(add('2026-03-10T16:00:00+08:00', 120).at).toBe('2026-03-10T18:00:00+08:00');
  });

  it('skips an ordinary weekend: Friday 17:00 + 2 h is Monday 10:00', () => {
    expect(add('2026-03-13T17:00:00+08:00', 120).at).toBe('2026-03-16T10:00:00+08:00');
  });

  it('skips the Mid-Autumn holiday: Friday 2026-09-25 17:30 (first holiday day) + 2 h is Monday 09-28 11:00', () => {
    expect(add('2026-09-25T17:30:00+08:00', 120)).toEqual({ at: '2026-09-28T11:00:00+08:00', estimated: false });
  });

  it('counts the make-up Sunday 2026-09-20 as a working day', () => {
    expect(add('2026-09-20T10:00:00+08:00', 120).at).toBe('2026-09-20T12:00:00+08:00');
    // …and the Saturday before it as rest: Saturday 10:00 + 2 h is the Sunday at 11:00.
    expect(add('2026-09-19T10:00:00+08:00', 120).at).toBe('2026-09-20T11:00:00+08:00');
  });

  it('crosses the whole National Day week: 5 working days from Wednesday 2026-09-30 10:00', () => {
    // 09-30 (8 h left) · 10-01..07 holiday · 10-08 Thu · 10-09 Fri · 10-10 Sat make-up · 10-11 Sun rest · 10-12 Mon
    expect(add('2026-09-30T10:00:00+08:00', 5 * 9 * 60).at).toBe('2026-10-13T10:00:00+08:00');
  });

  it('reads the Shanghai date, not the UTC one: 00:30 on 10-08 Shanghai is still 10-07 in UTC (a holiday)', () => {
    expect(add('2026-10-07T16:30:00Z', 60).at).toBe('2026-10-08T10:00:00+08:00');
  });

  it('counts a year the calendar does not cover by the Mon–Fri fallback and marks the answer estimated', () => {
    // 2027-01-01 is a Friday; the calendar has no 2027 data, so New Year's Day counts as work — an estimate.
    expect(add('2027-01-01T10:00:00+08:00', 120)).toEqual({ at: '2027-01-01T12:00:00+08:00', estimated: true });
    expect(add('2027-01-02T10:00:00+08:00', 60)).toEqual({ at: '2027-01-04T10:00:00+08:00', estimated: true });
    // Counting from the last covered days into the uncovered year is also an estimate.
    expect(add('2026-12-31T17:00:00+08:00', 120)).toEqual({ at: '2027-01-01T10:00:00+08:00', estimated: true });
  });

  it('lands a zero limit on the next working moment', () => {
    expect(add('2026-03-14T12:00:00+08:00', 0).at).toBe('2026-03-16T09:00:00+08:00');
    expect(add('2026-03-10T12:00:00+08:00', 0).at).toBe('2026-03-10T12:00:00+08:00');
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => addWorkingTime(at('2026-03-10T12:00:00+08:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingTime(at('2026-03-10T12:00:00+08:00'), 1.5, cal)).toThrow(RangeError);
  });

  it('stops instead of looping for ever on a calendar without working days', () => {
    const never: HolidayCalendar = { dayInfo: () => ({ kind: 'holiday' }) };
    expect(() => addWorkingTime(at('2026-03-10T12:00:00+08:00'), 60, never)).toThrow(/no working time/);
  });
});

describe('workingTimeBetween and isWorkingTime', () => {
  it('measures only office hours on working days', () => {
    const h = (a: string, b: string) => workingTimeBetween(at(a), at(b), cal) / 3_600_000;
    expect(h('2026-03-13T17:00:00+08:00', '2026-03-16T10:00:00+08:00')).toBe(2);
    expect(h('2026-09-25T08:00:00+08:00', '2026-09-28T08:00:00+08:00')).toBe(0);
    expect(h('2026-03-16T10:00:00+08:00', '2026-03-13T17:00:00+08:00')).toBe(0);
  });

  it('inverts addWorkingTime', () => {
    for (const start of ['2026-09-25T17:30:00+08:00', '2026-09-19T23:00:00+08:00', '2026-03-10T08:00:00+08:00']) {
      for (const minutes of [1, 120, 540, 2700]) {
        const end = addWorkingTime(at(start), minutes, cal).at;
        expect(workingTimeBetween(at(start), end, cal)).toBe(minutes * 60_000);
      }
    }
  });

  it('knows when people are at work', () => {
    expect(isWorkingTime(at('2026-09-20T09:00:00+08:00'), cal)).toBe(true);
    expect(isWorkingTime(at('2026-09-25T10:00:00+08:00'), cal)).toBe(false);
    expect(isWorkingTime(at('2026-03-10T18:00:00+08:00'), cal)).toBe(false);
    expect(isWorkingTime(at('2026-03-10T08:59:59+08:00'), cal)).toBe(false);
  });
});
