/**
 * What a file really is, from its first bytes: residents rename files and clients lie, so a
 * photo is checked by content, never by its name or a declared type.
 */
export type SniffedMedia =
  | { kind: 'image'; mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' }
  | { kind: 'video'; mime: 'video/mp4'; durationMs: number | null };

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, len: number) => (b.length >= at + len ? b.toString('latin1', at, at + len) : '');

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'qt  ', 'dash', 'MSNV', '3gp4', '3gp5', '3g2a']);

export function sniffMedia(bytes: Buffer): SniffedMedia | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (HEIC_BRANDS.has(brand)) return { kind: 'image', mime: 'image/heic' };
    if (MP4_BRANDS.has(brand)) return { kind: 'video', mime: 'video/mp4', durationMs: mp4DurationMs(bytes) };
  }
  return null;
}

/**
 * The movie header's duration (`moov/mvhd`: timescale and duration, version 0 or 1), or null when
 * the box is missing or past what we read. Walks top-level boxes only, never trusting a size that
 * points outside the buffer.
 */
export function mp4DurationMs(b: Buffer): number | null {
  const moov = findBox(b, 0, b.length, 'moov');
  if (!moov) return null;
  const mvhd = findBox(b, moov.body, moov.end, 'mvhd');
  if (!mvhd) return null;
  const v = b[mvhd.body];
  const p = mvhd.body + 4;
  if (v === 1) {
    if (p + 28 > mvhd.end) return null;
    const timescale = b.readUInt32BE(p + 16);
    const duration = Number(b.readBigUInt64BE(p + 20));
    return timescale > 0 ? Math.round((duration * 1000) / timescale) : null;
  }
  if (p + 16 > mvhd.end) return null;
  const timescale = b.readUInt32BE(p + 8);
  const duration = b.readUInt32BE(p + 12);
  return timescale > 0 ? Math.round((duration * 1000) / timescale) : null;
}

function findBox(b: Buffer, start: number, end: number, type: string): { body: number; end: number } | null {
  let at = start;
  while (at + 8 <= end) {
    let size = b.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return null;
      size = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) return null;
    if (ascii(b, at + 4, 4) === type) return { body: at + header, end: at + size };
    at += size;
  }
  return null;
}
