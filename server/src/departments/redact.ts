/**
 * A department path as a log line may show it. Our paths carry identifiers in their segments
 * and queries (/accounts/0300123456789/bills, /vehicles/粤B12345/fines, an ID number): every
 * segment or query value with a digit or a non-ASCII character is an identifier here, and is
 * cut to its last two characters. Route words (accounts, bills) and ISO dates (asOf=2026-03-10)
 * stay, so the line still says what was asked.
 */
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

function maskPart(raw: string): string {
  let v: string;
  try {
    v = decodeURIComponent(raw);
  } catch {
    v = raw;
  }
  if (DATE.test(v)) return raw;
  // eslint-disable-next-line no-control-regex
  if (!/[0-9]|[^\x00-\x7f]/.test(v)) return raw;
  const chars = Array.from(v);
  return `*${chars.length > 6 ? chars.slice(-2).join('') : ''}`;
}

export function redactPath(path: string): string {
  const q = path.indexOf('?');
  const pathname = q < 0 ? path : path.slice(0, q);
  const query = q < 0 ? '' : path.slice(q + 1);
  const segments = pathname.split('/').map((s) => (s ? maskPart(s) : s)).join('/');
  if (!query) return segments;
  const params = query
    .split('&')
    .map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? maskPart(kv) : `${kv.slice(0, i)}=${maskPart(kv.slice(i + 1))}`;
    })
    .join('&');
  return `${segments}?${params}`;
}
