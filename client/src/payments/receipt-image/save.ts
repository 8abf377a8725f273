import Taro from '@tarojs/taro';
import type { ReceiptLayout } from './layout';
import { type Canvas2D, paintReceipt } from './paint';

/**
 * weapp: the receipt is painted on the page's hidden `<canvas type="2d">` (ReceiptCanvas), turned
 * into a temporary file and saved to the phone's album. The h5 build takes save.h5.ts instead
 * (Taro's platform-suffix resolution): there it is a PNG download.
 */

export type SaveOutcome =
  | { kind: 'saved'; message: string }
  /** The album permission was refused: say how to allow it (WeChat asks only once). */
  | { kind: 'denied'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The canvas's id on the page (one receipt image per page). */
export const RECEIPT_CANVAS_ID = 'bm-receipt-canvas';

const errMsg = (e: unknown) => String((e as { errMsg?: string })?.errMsg ?? (e instanceof Error ? e.message : e));

/** What WeChat's failure of saveImageToPhotosAlbum means to the resident. */
export function saveFailure(e: unknown): SaveOutcome {
  const m = errMsg(e);
  if (/cancel/i.test(m)) return { kind: 'cancelled' };
  if (/privacy/i.test(m)) return { kind: 'denied', message: '需要先同意《用户隐私保护指引》才能把图片保存到相册。请再点一次“保存缴费凭证”，在弹出的指引里选择同意。' };
  if (/auth|authorize|permission/i.test(m)) return { kind: 'denied', message: '没有保存到相册的权限。请点“去设置”，打开“保存到相册”后再保存一次。' };
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
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
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
