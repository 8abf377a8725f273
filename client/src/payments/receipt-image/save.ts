import Taro from '@tarojs/taro';
import { withConsent } from '../../privacy/gate';
import { wxFailure } from '../../privacy/refusal';
import type { ReceiptLayout } from './layout';
import { type Canvas2D, paintReceipt } from './paint';

/**
 * weapp: the receipt is painted on the page's hidden `<canvas type="2d">` (ReceiptCanvas), turned
 * into a temporary file and saved to the phone's album. The h5 build takes save.h5.ts instead
 * (Taro's platform-suffix resolution): there it is a PNG download.
 */

export type SaveOutcome =
  | { kind: 'saved'; message: string }
  /**
   * Refused: the privacy guide not agreed (tap again and agree), or the album permission refused
   * before (`settings`: WeChat asks only once, its settings page is the way back).
   */
  | { kind: 'denied'; message: string; settings: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The canvas's id on the page (one receipt image per page). */
export const RECEIPT_CANVAS_ID = 'bm-receipt-canvas';

/** What WeChat's failure of saveImageToPhotosAlbum means to the resident (privacy/refusal.ts). */
export function saveFailure(e: unknown): SaveOutcome {
  const f = wxFailure(e, 'saveImageToPhotosAlbum');
  if (f.kind === 'cancelled') return f;
  if (f.kind === 'privacy' || f.kind === 'undeclared') return { kind: 'denied', message: f.message, settings: false };
  if (f.kind === 'denied') return { kind: 'denied', message: f.message, settings: f.settings === 'mini-program' };
  return { kind: 'failed', message: '缴费凭证没有保存成功，请稍后再试，或截屏保存本页。' };
}

async function canvasNode(): Promise<{ node: Taro.Canvas & { width: number; height: number; getContext(type: '2d'): Canvas2D } } | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${RECEIPT_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: unknown } | null>) => resolve(res?.[0]?.node ? (res[0] as never) : null));
  });
}

export async function saveReceiptImage(layout: ReceiptLayout, _fileName: string): Promise<SaveOutcome> {
  const found = await canvasNode();
  if (!found) return { kind: 'failed', message: '缴费凭证没有生成，请返回后重新打开本页再试。' };
  const canvas = found.node;
  const ratio = Math.min(Taro.getWindowInfo?.().pixelRatio ?? 2, 3);
  canvas.width = layout.width * ratio;
  canvas.height = layout.height * ratio;
  paintReceipt(canvas.getContext('2d'), layout, ratio);
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as Taro.canvasToTempFilePath.Option);
    await withConsent('saveImageToPhotosAlbum', () => Taro.saveImageToPhotosAlbum({ filePath: tempFilePath }));
    return { kind: 'saved', message: '缴费凭证已保存到手机相册。' };
  } catch (e) {
    return saveFailure(e);
  }
}

/** After a refusal WeChat no longer asks: its settings page is where the resident allows the album. */
export async function openAlbumSettings(): Promise<void> {
  await Taro.openSetting({});
}

/** The mini-program saves to the album (and can send the resident to its settings); h5 downloads a file. */
export const SAVES_TO_ALBUM = true;
export const SAVE_LABEL = '保存缴费凭证到相册';
