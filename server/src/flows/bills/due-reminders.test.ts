import { ruleFor } from './due-reminders';

describe('which due-date reminder a bill is owed', () => {
  const bill = (dueDate: string, status: 'paid' | 'unpaid' = 'unpaid') => ({ dueDate, status });
  it.each([
    ['2026-03-11', null],
    ['2026-03-12', 'due_soon'],
    ['2026-03-15', 'due_soon'],
    ['2026-03-16', 'overdue'],
    ['2026-05-01', 'overdue'],
  ] as const)('due 2026-03-15, on %s → %s', (asOf, rule) => {
    expect(ruleFor(bill('2026-03-15'), asOf)).toBe(rule);
  });
  it('owes a paid bill nothing', () => {
    expect(ruleFor(bill('2026-03-15', 'paid'), '2026-03-16')).toBeNull();
  });
  it('takes the lead time as an argument', () => {
    expect(ruleFor(bill('2026-03-15'), '2026-03-10', 5)).toBe('due_soon');
  });
  it('counts calendar days across a month end and a leap day', () => {
    expect(ruleFor(bill('2028-03-01'), '2028-02-27')).toBe('due_soon');
    expect(ruleFor(bill('2028-03-01'), '2028-02-26')).toBeNull();
  });
});
