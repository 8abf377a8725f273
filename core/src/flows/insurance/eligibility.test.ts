import { eligibilityDueBy, eligibilityState, eligibilitySuspendedFrom, eligibilityThresholdFor } from './eligibility';

describe('the pension eligibility rules', () => {
  it('makes a check due on the same day 12 months later, 29 February on the 28th', () => {
    expect(eligibilityDueBy('2025-04-24')).toBe('2026-04-24');
    expect(eligibilityDueBy('2024-02-29')).toBe('2025-02-28');
    expect(eligibilityDueBy('2025-12-31')).toBe('2026-12-31');
  });

  it('is ok until 60 days before, due until the deadline, overdue for 30 days, then suspended', () => {
    const last = '2025-04-24';
    expect(eligibilityState(last, '2026-02-22')).toEqual({ status: 'ok', dueBy: '2026-04-24', daysLeft: 61 });
    expect(eligibilityState(last, '2026-02-23')).toMatchObject({ status: 'due', daysLeft: 60 });
    expect(eligibilityState(last, '2026-03-10')).toMatchObject({ status: 'due', daysLeft: 45 });
    expect(eligibilityState(last, '2026-04-24')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(eligibilityState(last, '2026-04-25')).toMatchObject({ status: 'overdue', daysLeft: -1 });
    expect(eligibilityState(last, '2026-05-24')).toMatchObject({ status: 'overdue', daysLeft: -30 });
    expect(eligibilityState(last, eligibilitySuspendedFrom('2026-04-24'))).toMatchObject({ status: 'suspended', daysLeft: -31 });
  });

  it('says suspended whenever the bureau does, even before the deadline', () => {
    expect(eligibilityState('2025-04-24', '2026-03-10', true).status).toBe('suspended');
  });

  it('owes the latest threshold reached, never two at once, and none past the deadline', () => {
    expect(eligibilityThresholdFor(61)).toBeNull();
    expect(eligibilityThresholdFor(60)).toBe(60);
    expect(eligibilityThresholdFor(45)).toBe(60);
    expect(eligibilityThresholdFor(30)).toBe(30);
    expect(eligibilityThresholdFor(25)).toBe(30);
    expect(eligibilityThresholdFor(7)).toBe(7);
    expect(eligibilityThresholdFor(0)).toBe(7);
    expect(eligibilityThresholdFor(-1)).toBeNull();
  });
});
