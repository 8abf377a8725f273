import { type DepartmentId, findService, type StatusNotice, toShanghaiIso } from '@bianmin/core';
import type { NoticeStatus, NoticeView } from '@bianmin/core/admin/contract';
import { noticeView as engineNoticeView } from '@bianmin/core/availability/index';
import { type NoticeRow, noticeWindow } from './overrides';

/** Coming, in force or over at `now`, by its effective window (an early end counts). */
export function noticeStatus(n: NoticeRow, now: Date): NoticeStatus {
  const w = noticeWindow(n);
  const t = now.getTime();
  // Ended before it began: withdrawn, never to come.
  if (n.endedAt && n.endedAt.getTime() <= t) return 'ended';
  if (w.end !== undefined && w.end <= t) return 'ended';
  return w.start > t ? 'upcoming' : 'in_force';
}

/** A notice for operators: the services by name, who published and who ended it. */
export function adminNoticeView(n: NoticeRow, now: Date): NoticeView {
  return {
    ...engineNoticeView({ ...noticeWindow(n), end: n.endsAt?.getTime() }),
    serviceIds: n.serviceIds,
    services: n.serviceIds.map((id) => ({ serviceId: id, name: findService(id)?.name ?? id })),
    departmentIds: n.departmentIds as DepartmentId[],
    status: noticeStatus(n, now),
    ...(n.endedAt && { endedAt: toShanghaiIso(n.endedAt) }),
    createdAt: toShanghaiIso(n.createdAt),
    createdBy: n.createdBy,
    ...(n.endedBy && { endedBy: n.endedBy }),
  };
}

/** A notice for residents: what and when, never who among the staff. */
export function statusNoticeView(n: NoticeRow, now: Date): StatusNotice {
  return {
    ...engineNoticeView({ ...noticeWindow(n), end: n.endsAt?.getTime() }),
    status: noticeStatus(n, now),
    ...(n.endedAt && { endedAt: toShanghaiIso(n.endedAt) }),
  };
}
