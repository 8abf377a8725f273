import { z } from 'zod';
import { defineContract } from '../../contract';
import { DEPARTMENT_IDS } from '../../departments';
import type { Availability } from '../../availability-types';
import type { UpcomingClosure } from '../../availability/engine';
import type { Category, ServiceSummary } from '../../catalogue';
import { text } from '../../text';
import type { StatusPageResult } from '../../status/contract';

const serviceId = text({ label: '服务编号 serviceId', max: 64 });

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);

export const servicesInput = {
  list: z.object({}),
  status: z.object({ serviceId }),
  /** `subscribe`: the resident accepted a WeChat subscribe message; otherwise the in-app message centre. */
  remind: z.object({ serviceId, channel: z.enum(['subscribe', 'inbox'], { error: '提醒方式应为 subscribe 或 inbox' }).default('inbox') }),
  reminders: z.object({}),
  cancelReminder: z.object({ reminderId: uuid('提醒编号 reminderId') }),
  /** The public status page: every service's record (core/src/status/contract.ts). */
  statusPage: z.object({}),
};

export type ServiceListItem = ServiceSummary & { availability: Availability };

export interface ServiceNotice {
  serviceId: string;
  serviceName: string;
  kind: 'holiday' | 'maintenance' | 'hours' | 'down';
  text: string;
  /** The service's everyday rhythm (nightly hours, daily maintenance), which its tile already shows; the banner lists only what is not. */
  routine: boolean;
}

export interface ServicesListResult {
  categories: Category[];
  services: ServiceListItem[];
  /** Closures today, for the hub's banner: what is closed now and what closes later today. */
  notices: ServiceNotice[];
  /** When the answer was computed (ISO 8601, +08:00): the hub shows it and refreshes from it. */
  now: string;
}

/** A holiday or maintenance window ahead, as the engine reports it. */
export type UpcomingClosureView = UpcomingClosure;

export interface ServiceStatusResult {
  service: ServiceSummary;
  availability: Availability;
  /** The week's hours in plain Chinese, one line each. */
  schedule: { lines: string[] };
  /** Holidays and maintenance that close the service in the next 7 days. */
  upcoming: UpcomingClosureView[];
}

export interface ReminderView {
  id: string;
  serviceId: string;
  serviceName: string;
  remindAt: string;
  channel: 'subscribe' | 'inbox';
  status: string;
  /**
   * 'opens': at `remindAt`, the known reopening. 'recovers': its department is down with no known
   * end; the resident is told once it answers again (`remindAt` is only the next check).
   */
  until: 'opens' | 'recovers';
}

/** What each action answers. */
export interface ServicesOutputs {
  list: ServicesListResult;
  status: ServiceStatusResult;
  remind: { reminder: ReminderView };
  reminders: { reminders: ReminderView[] };
  cancelReminder: { cancelled: true };
  statusPage: StatusPageResult;
}

/**
 * The hub: the catalogue with every service's live availability, one service's hours, and
 * "remind me when it opens". It guards no service of its own, and probes every department.
 */
export const servicesContract = defineContract<ServicesOutputs>()({
  name: 'services',
  inputs: servicesInput,
  services: [],
  departments: DEPARTMENT_IDS,
});
