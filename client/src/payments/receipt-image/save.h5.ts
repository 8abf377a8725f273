import type { ReceiptLayout } from './layout';
import { type Canvas2D, paintReceipt } from './paint';
import type { SaveOutcome } from './save';

/**
 * h5: the receipt is painted on a canvas of its own and downloaded as a PNG through an
 * `<a download>` and a blob URL (the browser's own download, no server involved). Same exports as
 * save.ts, the weapp twin.
 */
export type { SaveOutcome } from './save';

export const RECEIPT_CANVAS_ID = 'bm-receipt-canvas';

export function saveFailure(_e?: unknown): SaveOutcome {
  return { kind: 'failed', message: '缴费凭证没有生成，请稍后再试，或截屏保存本页。' };
}

export async function saveReceiptImage(layout: ReceiptLayout, fileName: string): Promise<SaveOutcome> {
  const canvas = document.createElement('canvas');
  const ratio = Math.min(window.devicePixelRatio || 2, 3);
  canvas.width = layout.width * ratio;
  canvas.height = layout.height * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return saveFailure();
  paintReceipt(ctx as unknown as Canvas2D, layout, ratio);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return saveFailure();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the URL is only kept for browsers that start it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { kind: 'saved', message: `缴费凭证已下载（${fileName}）。` };
}

export async function openAlbumSettings(): Promise<void> {}

export const SAVES_TO_ALBUM = false;
export const SAVE_LABEL = '下载缴费凭证图片';
