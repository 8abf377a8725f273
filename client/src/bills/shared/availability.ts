import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import type { Availability, UtilityKind } from '@bianmin/core';
import { callFunction } from '../../api';
import { payServiceId } from './format';

/** Hours change under an open page (the 23:30 settlement pause): ask again once a minute. */
const REFRESH_MS = 60 * 1000;

/** States in which the pay service refuses a payment right now. */
export function payBlocked(a: Availability | null | undefined): boolean {
  return Boolean(a && (a.state === 'closed' || a.state === 'maintenance' || a.state === 'down'));
}

/**
 * The availability of each utility's pay service (`services.status { serviceId: 'bills.<kind>.pay' }`),
 * so that a page says "paused until 00:30" before the resident taps Pay, not after. A kind whose
 * status could not be fetched is simply absent: the server still refuses a closed payment, and
 * that refusal is shown with the same sheet.
 */
export function usePayAvailability(kinds: readonly UtilityKind[]): { byKind: Partial<Record<UtilityKind, Availability>>; reload(): void } {
  const [byKind, setByKind] = useState<Partial<Record<UtilityKind, Availability>>>({});
  const key = [...new Set(kinds)].sort().join(',');
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const load = useCallback(async () => {
    const wanted = key ? (key.split(',') as UtilityKind[]) : [];
    const id = ++latest.current;
    const answers = await Promise.allSettled(wanted.map((k) => callFunction('services', { action: 'status', serviceId: payServiceId(k) })));
    if (id !== latest.current) return;
    const next: Partial<Record<UtilityKind, Availability>> = {};
    answers.forEach((a, i) => {
      if (a.status === 'fulfilled') next[wanted[i]] = a.value.availability;
    });
    setByKind(next);
  }, [key]);

  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  const start = useCallback(() => {
    stop();
    void load();
    timer.current = setInterval(() => void load(), REFRESH_MS);
  }, [load]);

  useEffect(() => {
    start();
    return stop;
  }, [start]);
  useDidShow(() => {
    if (!timer.current) start();
  });
  useDidHide(stop);
  useUnload(stop);

  return { byKind, reload: () => void load() };
}
