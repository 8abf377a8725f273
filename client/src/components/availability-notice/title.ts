import type { AvailabilityState } from '@bianmin/core';

/** 电费缴纳即将暂停 / 系统维护中 / 暂不能办理 / 暂停中, with what it stops here when given. */
export function noticeTitle(name: string, state: AvailabilityState, consequence?: string): string {
  if (state === 'closing_soon') return `${name}即将暂停`;
  const what = state === 'maintenance' ? `${name}系统维护中` : state === 'down' ? `${name}暂不能办理` : `${name}暂停中`;
  return consequence ? `${what}，${consequence}` : what;
}
