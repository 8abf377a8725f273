/** Everything the console shows and takes is Beijing time, whatever the operator's computer says. */
const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `2026-03-11T01:00:00+08:00` → `2026-03-11 01:00` (Beijing). */
export function beijing(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A date and an `HH:mm` read as Beijing time → the instant the API takes; null when either is malformed. */
export function instant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const s = `${date}T${time}:00+08:00`;
  return Number.isNaN(new Date(s).getTime()) ? null : s;
}

/** Fen → `¥12.34`. */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`);
