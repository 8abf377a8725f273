import { toShanghaiIso } from '@bianmin/core';

/**
 * WeChat Pay's time_end: `yyyyMMddHHmmss` in Beijing time, no zone. Only a real instant is
 * accepted (20260230… or 24:00 is refused, never rolled over into another day).
 */
export function parseTimeEnd(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || toShanghaiIso(d).slice(0, 19) !== iso.slice(0, 19)) return null;
  return d;
}

export function formatTimeEnd(d: Date): string {
  return toShanghaiIso(d).slice(0, 19).replace(/\D/g, '');
}
