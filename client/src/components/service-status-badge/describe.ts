import type { Availability } from '@bianmin/core';
import { statusLabel, statusTone, type StatusTone } from '@bianmin/core/availability/vocabulary';

export type { StatusTone } from '@bianmin/core/availability/vocabulary';

export interface StatusDescription {
  /** Short text for the badge: the state is said in words, never by colour alone. */
  label: string;
  tone: StatusTone;
  /** What a screen reader says: the server's full sentence when it gave one. */
  spoken: string;
}

/** A service's availability as the badge shows it, in the shared vocabulary (core/availability/vocabulary). */
export function describeAvailability(a: Availability, departmentName?: string): StatusDescription {
  const label = statusLabel(a, departmentName);
  return { label, tone: statusTone(a), spoken: a.message || label };
}
