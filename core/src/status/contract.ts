import type { Availability, AvailabilityNotice } from '../availability-types';
import type { UpcomingClosure } from '../availability/engine';
import type { DepartmentId } from '../departments';

/**
 * The public status page (`services.statusPage`, no sign-in), after GOV.UK Pay's and HMRC's: per
 * service its state now, what is planned in the next 7 days, what went wrong in the last 30 and
 * how often it was up; per department, how its 12345 tickets were handled against the limits.
 */
export interface StatusNotice extends AvailabilityNotice {
  status: 'upcoming' | 'in_force' | 'ended';
  /** An early end, when an operator ended it. */
  endedAt?: string;
}

export interface StatusIncident {
  /** 'incident': announced by the department's operator; 'outage': our health probes found it down. */
  kind: 'incident' | 'outage';
  startedAt: string;
  /** Absent while it goes on. */
  endedAt?: string;
  description: string;
  /** How long it lasted (so far), in minutes. */
  minutes: number;
}

/** Share of health probes that found the department up; null when none were made in the window. */
export interface Uptime {
  days30: number | null;
  days90: number | null;
}

export interface StatusPageService {
  serviceId: string;
  name: string;
  departmentId: DepartmentId;
  departmentName: string;
  availability: Availability;
  /** Holidays and maintenance that close it in the next 7 days. */
  planned: UpcomingClosure[];
  /** Operators' notices in force now or starting in the next 7 days. */
  notices: StatusNotice[];
  /** The last 30 days, newest first. */
  incidents: StatusIncident[];
  uptime: Uptime;
}

export interface StepHandling {
  /** Tickets that reached the step (accepted, replied) in the window. */
  counted: number;
  /** Median time from filing, minutes; null when none. */
  medianMinutes: number | null;
  /** Share done within the limit (0–1); null when none. */
  onTimeShare: number | null;
  /** The limit in words: '2 个工作小时', '1–10 个工作日（按诉求类型）'. */
  limit: string;
  /** Still waiting for this step and already past its limit. */
  overdueNow: number;
}

export interface TicketHandling {
  /** The department that handles the tickets (the 12345 centre until one is dispatched). */
  department: string;
  tickets: number;
  accept: StepHandling;
  reply: StepHandling;
}

export interface StatusPageResult {
  now: string;
  services: StatusPageService[];
  departments: Array<{ departmentId: DepartmentId; name: string; state: 'up' | 'down' | 'unknown'; uptime: Uptime }>;
  /** 12345 tickets filed in the last 90 days, by handling department. */
  tickets: TicketHandling[];
  ticketsSince: string;
}
