import { chineseDaysCalendar, chineseDaysCoveredYears } from './calendar';

const cal = chineseDaysCalendar();

describe('chineseDaysCalendar', () => {
  it('knows the 2026 Spring Festival as 2026-02-15..2026-02-23, named 春节', () => {
    for (let d = 15; d <= 23; d++) expect(cal.dayInfo(`2026-02-${d}`)).toEqual({ kind: 'holiday', name: '春节' });
    expect(cal.dayInfo('2026-02-13').kind).toBe('workday');
    expect(cal.dayInfo('2026-02-24').kind).toBe('workday');
  });

  it('knows the Saturdays 2026-02-14 and 2026-02-28 as make-up working days for the Spring Festival', () => {
    expect(cal.dayInfo('2026-02-14')).toEqual({ kind: 'makeup_workday', name: '春节' });
    expect(cal.dayInfo('2026-02-28')).toEqual({ kind: 'makeup_workday', name: '春节' });
  });

  it('knows National Day 2026 (10-01..10-07) and its make-up days 09-20 and 10-10', () => {
    for (let d = 1; d <= 7; d++) expect(cal.dayInfo(`2026-10-0${d}`)).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(cal.dayInfo('2026-09-20').kind).toBe('makeup_workday');
    expect(cal.dayInfo('2026-10-10').kind).toBe('makeup_workday');
  });

  it('tells ordinary weekends from ordinary working days', () => {
    expect(cal.dayInfo('2026-03-07')).toEqual({ kind: 'weekend' });
    expect(cal.dayInfo('2026-03-08')).toEqual({ kind: 'weekend' });
    expect(cal.dayInfo('2026-03-09')).toEqual({ kind: 'workday' });
  });

  it('reports years outside the package’s data as unknown instead of guessing "working day"', () => {
    expect(chineseDaysCoveredYears()).toContain(2026);
    expect(cal.dayInfo('2027-01-01')).toEqual({ kind: 'unknown' });
    expect(cal.dayInfo('2003-10-01')).toEqual({ kind: 'unknown' });
  });

  it('rejects anything that is not a YYYY-MM-DD date', () => {
    expect(() => cal.dayInfo('2026-2-15')).toThrow();
    expect(() => cal.dayInfo('2026-02-15T00:00:00+08:00')).toThrow();
  });
});
