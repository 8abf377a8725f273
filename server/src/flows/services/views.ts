import { findService, type ReminderView, toShanghaiIso } from '@bianmin/core';
import type { reminders } from '../../db/schema';

/** How the services flow presents a resident's reminders (the hub's list is core's summary of the catalogue). */

/** A reminder as its resident sees it: the service by name, when, and by which channel. */
export const reminderView = (r: typeof reminders.$inferSelect): ReminderView => ({
  id: r.id,
  serviceId: r.serviceId,
  serviceName: findService(r.serviceId)?.name ?? r.serviceId,
  remindAt: toShanghaiIso(r.remindAt),
  channel: r.channel as ReminderView['channel'],
  status: r.status,
  until: r.until === 'recovers' ? 'recovers' : 'opens',
});
