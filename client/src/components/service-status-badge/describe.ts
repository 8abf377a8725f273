import type { Availability } from '@bianmin/core';
import { parseInstant, shanghaiDate, toShanghaiIso } from '@bianmin/core/time';

export type StatusTone = 'open' | 'warn' | 'closed' | 'maintenance' | 'down';

export interface StatusDescription {
  /** Short text for the badge: the state is said in words, never by colour alone. */
  label: string;
  tone: StatusTone;
  /** What a screen reader says: the server's full sentence when it gave one. */
  spoken: string;
}

/** `00:30`, `明天 08:30` or `10月8日 09:00`, in Shanghai time, relative to the answer's `now`. */
export function formatWhen(iso: string, nowIso: string): string | null {
  const at = parseInstant(iso);
  const now = parseInstant(nowIso);
  if (!at) return null;
  const local = toShanghaiIso(at);
  const hhmm = local.slice(11, 16);
  if (!now) return hhmm;
  const day = shanghaiDate(at);
  if (day === shanghaiDate(now)) return hhmm;
  if (day === shanghaiDate(new Date(now.getTime() + 24 * 60 * 60 * 1000))) return `明天 ${hhmm}`;
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${hhmm}`;
}

function minutesBetween(fromIso: string, toIso: string): number | null {
  const from = parseInstant(fromIso);
  const to = parseInstant(toIso);
  if (!from || !to) return null;
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 60000));
}

export function describeAvailability(a: Availability): StatusDescription {
  const reopens = a.opensAt ? formatWhen(a.opensAt, a.now) : null;
  const spoken = (label: string) => a.message || label;
  switch (a.state) {
    case 'open':
      return { label: '可办理', tone: 'open', spoken: spoken('可办理') };
    case 'closing_soon': {
      const left = a.closesAt ? minutesBetween(a.now, a.closesAt) : null;
      const label =
        left === null ? '即将暂停' : left < 60 ? `即将暂停 · 还剩 ${left} 分钟` : `即将暂停 · ${formatWhen(a.closesAt!, a.now)} 暂停`;
      return { label, tone: 'warn', spoken: spoken(label) };
    }
    case 'closed': {
      const head = a.reason === 'holiday' ? '节假日暂停' : '已暂停';
      const label = reopens ? `${head} · ${reopens} 恢复` : head;
      return { label, tone: 'closed', spoken: spoken(label) };
    }
    case 'maintenance': {
      const label = reopens ? `维护中 · ${reopens} 恢复` : '维护中';
      return { label, tone: 'maintenance', spoken: spoken(label) };
    }
    case 'down': {
      const label = reopens ? `部门系统故障 · ${reopens} 重试` : '部门系统故障';
      return { label, tone: 'down', spoken: spoken(label) };
    }
    default:
      return { label: '状态未知', tone: 'down', spoken: spoken('状态未知') };
  }
}
