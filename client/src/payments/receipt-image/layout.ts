import { COLORS } from '../../ui/tokens';

/**
 * A receipt drawn as an image (缴费凭证): a pure layout of a receipt model into drawing steps, so
 * what the image says is unit-tested without a canvas, and the weapp and h5 canvases only paint
 * the steps (paint.ts) and hand the picture over (save.ts / save.h5.ts). Bills and fines both
 * describe their receipt as a ReceiptImage; nothing here knows which.
 */

export interface ReceiptImageRow {
  label: string;
  value: string;
  /** The total: drawn larger and bold. */
  strong?: boolean;
}

export interface ReceiptImage {
  /** 缴费凭证 */
  title: string;
  /** What was paid and to whom: '电费 · 国网市供电公司'. */
  subtitle: string;
  /** The amount paid, already formatted ('¥416.02'). */
  amount: string;
  /** The state in words ('支付成功 · 已入账'). */
  status: string;
  /** Groups of label / value rows, drawn with a rule between groups. */
  sections: ReceiptImageRow[][];
  /** Small print at the bottom (where it was made, that it is not a tax invoice). */
  footer: string[];
}

export type DrawStep =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: boolean }
  | { kind: 'text'; text: string; x: number; y: number; size: number; bold: boolean; color: string; align: 'left' | 'right' | 'center' };

export interface ReceiptLayout {
  /** CSS pixels; the painter multiplies by its pixel ratio. */
  width: number;
  height: number;
  steps: DrawStep[];
}

/** A canvas takes colours, not CSS variables: app.css's tokens, as ui/tokens.ts holds them for JavaScript. */
const C = {
  primary: COLORS.primary,
  text: COLORS.text,
  muted: COLORS['text-muted'],
  line: COLORS.line,
  card: COLORS.card,
  bg: COLORS.bg,
  onPrimary: COLORS['on-primary'],
};

const WIDTH = 375;
const PAD = 20;
const CARD_PAD = 20;
const LABEL_SIZE = 14;
const VALUE_SIZE = 14;
const LINE_GAP = 8;

/**
 * Width of a text in a font of `size` px, without a canvas: CJK and full-width characters are one
 * em, everything else (digits, latin, ¥, punctuation) about 0.6 em. Generous on purpose: a value
 * is wrapped a little early rather than clipped, on any phone's font.
 */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) ? size : size * 0.6;
  }
  return w;
}

/** Splits a value into lines that fit `max` px, breaking between characters (never inside a run of digits or latin when it fits a line of its own). */
export function wrap(text: string, size: number, max: number): string[] {
  const tokens = text.match(/[A-Za-z0-9¥.,:\-/·*]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (textWidth(line + token, size) <= max) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    // A token longer than a whole line (a long receipt number) is cut by characters.
    while (textWidth(line, size) > max) {
      let cut = 1;
      while (cut < line.length && textWidth(line.slice(0, cut + 1), size) <= max) cut++;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

/** Lays a receipt out top to bottom: header band, amount, then each section's rows, then the footer. */
export function layoutReceipt(r: ReceiptImage, width = WIDTH): ReceiptLayout {
  const steps: DrawStep[] = [];
  const inner = width - 2 * PAD - 2 * CARD_PAD;
  const text = (t: string, x: number, y: number, size: number, color: string, align: 'left' | 'right' | 'center' = 'left', bold = false) =>
    steps.push({ kind: 'text', text: t, x, y, size, bold, color, align });

  // Header band with the title and what was paid.
  const band = 96;
  let y = band;
  const body: DrawStep[] = [];
  steps.push({ kind: 'rect', x: 0, y: 0, w: width, h: 0, color: C.bg }); // height set below
  steps.push({ kind: 'rect', x: 0, y: 0, w: width, h: band, color: C.primary });
  text(r.title, width / 2, 40, 22, C.onPrimary, 'center', true);
  text(r.subtitle, width / 2, 70, 14, C.onPrimary, 'center');

  // The card: amount, status, then the sections.
  const cardTop = band + 16;
  y = cardTop + CARD_PAD + 36;
  const left = PAD + CARD_PAD;
  const right = width - PAD - CARD_PAD;
  body.push({ kind: 'text', text: r.amount, x: width / 2, y, size: 32, bold: true, color: C.text, align: 'center' });
  y += 28;
  body.push({ kind: 'text', text: r.status, x: width / 2, y, size: 14, bold: false, color: C.primary, align: 'center' });
  y += 20;
  for (const section of r.sections) {
    if (!section.length) continue;
    y += 12;
    body.push({ kind: 'line', x1: left, y1: y, x2: right, y2: y, color: C.line, width: 1, dash: true });
    y += 12;
    for (const row of section) {
      const size = row.strong ? 17 : VALUE_SIZE;
      // Beside its label when it fits there; otherwise on the lines under it, the full width.
      const beside = inner - textWidth(row.label, LABEL_SIZE) - 16;
      const fits = textWidth(row.value, size) <= beside;
      const lines = fits ? [row.value] : wrap(row.value, size, inner);
      y += size + 2;
      body.push({ kind: 'text', text: row.label, x: left, y, size: LABEL_SIZE, bold: false, color: C.muted, align: 'left' });
      for (const [i, l] of lines.entries()) {
        if (i > 0 || !fits) y += size + 4;
        body.push({ kind: 'text', text: l, x: right, y, size, bold: !!row.strong, color: C.text, align: 'right' });
      }
      y += LINE_GAP;
    }
  }
  const cardBottom = y + CARD_PAD - LINE_GAP;
  steps.push({ kind: 'rect', x: PAD, y: cardTop, w: width - 2 * PAD, h: cardBottom - cardTop, color: C.card, radius: 12 });
  steps.push(...body);

  y = cardBottom + 8;
  for (const f of r.footer) {
    for (const l of wrap(f, 12, width - 2 * PAD)) {
      y += 18;
      text(l, width / 2, y, 12, C.muted, 'center');
    }
  }
  const height = Math.ceil(y + PAD);
  steps[0] = { kind: 'rect', x: 0, y: 0, w: width, h: height, color: C.bg };
  return { width, height, steps };
}

/** Every text the image shows, in drawing order (what tests and screen-reader labels read). */
export function textsOf(layout: ReceiptLayout): string[] {
  return layout.steps.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
}
