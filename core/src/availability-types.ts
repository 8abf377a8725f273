/** A service's availability as every answer carries it (docs/ARCHITECTURE.md, "The life of a call"). Times are ISO 8601 with +08:00. */
export type AvailabilityState = 'open' | 'closing_soon' | 'closed' | 'maintenance' | 'down';
export type ClosureReason = 'hours' | 'holiday' | 'maintenance' | 'department_unreachable';

export interface Availability {
  serviceId: string;
  state: AvailabilityState;
  message: string;
  now: string;
  opensAt?: string;
  closesAt?: string;
  reason?: ClosureReason;
}
