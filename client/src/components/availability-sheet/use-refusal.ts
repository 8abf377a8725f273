import { createElement, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Availability, ErrorCode } from '@bianmin/core';
import { isApiError } from '../../api';
import { AvailabilitySheet } from './index';

/** The codes with which a server refuses a call because of the service's hours or health. */
const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['SERVICE_CLOSED', 'SERVICE_MAINTENANCE', 'DEPARTMENT_UNAVAILABLE']);

/** Whether `e` is a refusal that carries the availability to explain it. */
export function refusalOf(e: unknown): Availability | null {
  return isApiError(e) && REFUSALS.has(e.code) && e.availability ? e.availability : null;
}

/**
 * A refused call (the service closed at 23:45, in maintenance, its department down) must
 * show why and until when — the AvailabilitySheet — never a bare toast.
 *
 * ```tsx
 * const refusal = useRefusal();
 * try { await callFunction('bills', { action: 'pay', … }); }
 * catch (e) { if (!refusal.handle(e)) showError(e); }
 * return <Page>…{refusal.sheet}</Page>;
 * ```
 * `handle(e)` returns true (and opens the sheet) for SERVICE_CLOSED / SERVICE_MAINTENANCE /
 * DEPARTMENT_UNAVAILABLE errors carrying `availability`; false for anything else.
 */
export function useRefusal(): { sheet: ReactNode; handle(e: unknown): boolean } {
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [visible, setVisible] = useState(false);

  const handle = useCallback((e: unknown) => {
    const a = refusalOf(e);
    if (!a) return false;
    setAvailability(a);
    setVisible(true);
    return true;
  }, []);

  const close = useCallback(() => setVisible(false), []);

  const sheet = useMemo(
    () =>
      availability
        ? createElement(AvailabilitySheet, { availability, serviceId: availability.serviceId, visible, onClose: close })
        : null,
    [availability, visible, close],
  );

  return { sheet, handle };
}
