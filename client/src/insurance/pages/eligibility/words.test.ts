import type { EligibilityResult } from '@bianmin/core';
import { eligibilitySentence, offersCheck } from './words';

type Required = Extract<EligibilityResult, { required: true }>;
const view = (over: Partial<Required>): Required => ({
  required: true,
  status: 'due',
  statusName: '即将到期',
  lastCheckedOn: '2025-04-24',
  lastCheckedBy: '社区上门认证',
  dueBy: '2026-04-24',
  daysLeft: 45,
  fetchedAt: '2026-03-10T12:00:00+08:00',
  stale: false,
  ...over,
});

describe('the eligibility page’s words', () => {
  it('says how long is left, the deadline day itself, how long past it, and a suspension', () => {
    expect(eligibilitySentence(view({}))).toBe('请在 2026年4月24日 前完成认证（还有 45 天），逾期将暂停发放养老金。');
    expect(eligibilitySentence(view({ daysLeft: 0 }))).toBe('今天是认证截止日，请今天完成认证。');
    expect(eligibilitySentence(view({ status: 'overdue', daysLeft: -3 }))).toBe('已超过认证截止日（2026年4月24日）3 天。逾期超过 30 天将暂停发放养老金，请尽快认证。');
    expect(eligibilitySentence(view({ status: 'suspended', daysLeft: -40 }))).toContain('养老金已暂停发放');
    expect(eligibilitySentence(view({ status: 'ok', dueBy: '2027-03-10', daysLeft: 365 }))).toBe('本年度已认证，下次请在 2027年3月10日 前完成（还有 365 天）。');
  });

  it('offers the check from 60 days before the deadline on, not while it is far off', () => {
    expect(offersCheck(view({ status: 'ok' }))).toBe(false);
    for (const status of ['due', 'overdue', 'suspended'] as const) expect(offersCheck(view({ status }))).toBe(true);
  });
});
