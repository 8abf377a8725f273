import type { ReceiptLayout } from './layout';

/** The part of CanvasRenderingContext2D the receipt uses: the same on weapp's canvas 2d and in a browser. */
export interface Canvas2D {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  setLineDash(segments: number[]): void;
}

/** The fonts a phone has: WeChat's canvas and browsers fall back through the list to a CJK one. */
const FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Paints a laid-out receipt; the canvas must already be `layout` × `ratio` pixels. */
export function paintReceipt(ctx: Canvas2D, layout: ReceiptLayout, ratio: number): void {
  ctx.scale(ratio, ratio);
  ctx.textBaseline = 'alphabetic';
  for (const s of layout.steps) {
    if (s.kind === 'rect') {
      ctx.fillStyle = s.color;
      if (!s.radius) {
        ctx.fillRect(s.x, s.y, s.w, s.h);
        continue;
      }
      const r = s.radius;
      ctx.beginPath();
      ctx.moveTo(s.x + r, s.y);
      ctx.arcTo(s.x + s.w, s.y, s.x + s.w, s.y + s.h, r);
      ctx.arcTo(s.x + s.w, s.y + s.h, s.x, s.y + s.h, r);
      ctx.arcTo(s.x, s.y + s.h, s.x, s.y, r);
      ctx.arcTo(s.x, s.y, s.x + s.w, s.y, r);
      ctx.closePath();
      ctx.fill();
    } else if (s.kind === 'line') {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.setLineDash(s.dash ? [4, 4] : []);
      ctx.beginPath();
      ctx.moveTo(s.x1, s.y1);
      ctx.lineTo(s.x2, s.y2);
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = s.color;
      ctx.font = `${s.bold ? 'bold ' : ''}${s.size}px ${FAMILY}`;
      ctx.textAlign = s.align;
      ctx.fillText(s.text, s.x, s.y);
    }
  }
}
