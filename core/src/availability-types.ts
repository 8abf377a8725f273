/** A service's availability as every answer carries it (docs/ARCHITECTURE.md, "The life of a call"). Times are ISO 8601 with +08:00. */
export type AvailabilityState = 'open' | 'closing_soon' | 'closed' | 'maintenance' | 'down';
/** 'incident': a department's operator announced that the service is not working. */
export type ClosureReason = 'hours' | 'holiday' | 'maintenance' | 'department_unreachable' | 'incident';

/**
 * An operator's notice about a service (the operator console publishes them): a planned
 * maintenance or an incident that closes it, or an announcement. Carried with the availability
 * so that the tile, the hours sheet and the flow's page can show the reason, what still works
 * and where else to go.
 */
export interface AvailabilityNotice {
  noticeId: string;
  kind: 'maintenance' | 'incident' | 'notice';
  reason: string;
  startsAt: string;
  /** Absent: an incident whose end is not known yet. */
  endsAt?: string;
  stillWorks?: string;
  alternative?: string;
}

export interface Availability {
  serviceId: string;
  state: AvailabilityState;
  message: string;
  now: string;
  opensAt?: string;
  closesAt?: string;
  reason?: ClosureReason;
  /** The operator's notice in force, if any (a closing one when it closes the service). */
  notice?: AvailabilityNotice;
}
