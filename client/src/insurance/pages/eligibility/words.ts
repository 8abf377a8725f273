import type { EligibilityResult } from '@bianmin/core';
// The subpath, not the barrel: the barrel carries every contract's zod schemas into the subpackage.
import { ELIGIBILITY_GRACE_DAYS } from '@bianmin/core/flows/insurance/eligibility';
import { formatDate } from '@bianmin/core/format';

type Required = Extract<EligibilityResult, { required: true }>;

/** The one sentence under the status: how long is left, or what has happened. */
export function eligibilitySentence(e: Required): string {
  switch (e.status) {
    case 'ok':
      return `本年度已认证，下次请在 ${formatDate(e.dueBy)} 前完成（还有 ${e.daysLeft} 天）。`;
    case 'due':
      return e.daysLeft === 0 ? '今天是认证截止日，请今天完成认证。' : `请在 ${formatDate(e.dueBy)} 前完成认证（还有 ${e.daysLeft} 天），逾期将暂停发放养老金。`;
    case 'overdue':
      return `已超过认证截止日（${formatDate(e.dueBy)}）${-e.daysLeft} 天。逾期超过 ${ELIGIBILITY_GRACE_DAYS} 天将暂停发放养老金，请尽快认证。`;
    case 'suspended':
      return '因未按时认证，养老金已暂停发放。完成认证后，社保局将恢复发放并补发暂停期间的养老金。';
  }
}

/** Whether the page offers the check now (within 60 days of the deadline, or past it). */
export const offersCheck = (e: Required) => e.status !== 'ok';
