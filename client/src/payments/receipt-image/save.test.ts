/** The weapp save path (save.ts) against a WeChat that refuses, cancels or saves: the platform bits stay thin and honest. */
import { layoutReceipt } from './layout';

const wx = {
  saveImageToPhotosAlbum: jest.fn(),
  canvasToTempFilePath: jest.fn(),
  openSetting: jest.fn(),
  node: null as null | { width: number; height: number; getContext: () => unknown },
};

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getWindowInfo: () => ({ pixelRatio: 2 }),
    createSelectorQuery: () => ({
      select: () => ({ fields: () => ({ exec: (cb: (r: unknown[]) => void) => cb([wx.node ? { node: wx.node } : null]) }) }),
    }),
    canvasToTempFilePath: (o: unknown) => wx.canvasToTempFilePath(o),
    saveImageToPhotosAlbum: (o: unknown) => wx.saveImageToPhotosAlbum(o),
    openSetting: (o: unknown) => wx.openSetting(o),
  },
}));

// After the mock (jest hoists jest.mock above the imports anyway).
import { saveFailure, saveReceiptImage } from './save';

const LAYOUT = layoutReceipt({ title: '缴费凭证', subtitle: '电费 · 国网市供电公司', amount: '¥107.82', status: '支付成功 · 已入账', sections: [[{ label: '订单号', value: 'BM2026031012000012345678' }]], footer: [] });
const painted: string[] = [];
const ctx = new Proxy({}, { get: (_t, k) => (...args: unknown[]) => painted.push(`${String(k)}(${args.join(',')})`), set: () => true });

beforeEach(() => {
  jest.clearAllMocks();
  painted.length = 0;
  wx.node = { width: 0, height: 0, getContext: () => ctx };
  wx.canvasToTempFilePath.mockResolvedValue({ tempFilePath: 'wxfile://tmp/receipt.png' });
  wx.saveImageToPhotosAlbum.mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' });
});

it('paints the page’s canvas at the pixel ratio, makes a PNG of it and saves that file to the album', async () => {
  await expect(saveReceiptImage(LAYOUT, 'x.png')).resolves.toEqual({ kind: 'saved', message: '缴费凭证已保存到手机相册。' });
  expect(wx.node).toMatchObject({ width: LAYOUT.width * 2, height: LAYOUT.height * 2 });
  expect(painted[0]).toBe('scale(2,2)');
  expect(painted.some((p) => p.startsWith('fillText(BM2026031012000012345678,'))).toBe(true);
  expect(wx.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ canvas: wx.node, fileType: 'png' }));
  expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/receipt.png' });
});

it('says how to allow the album when the permission was refused, and does not call it a failure of ours', async () => {
  wx.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny', errno: 103 });
  const outcome = await saveReceiptImage(LAYOUT, 'x.png');
  expect(outcome).toEqual({ kind: 'denied', message: expect.stringContaining('去设置'), settings: true });
});

it('asks for the privacy agreement when WeChat says it is missing, without sending the resident to settings (they do not help)', () => {
  const outcome = saveFailure({ errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errno: 104 });
  expect(outcome).toEqual({ kind: 'denied', message: expect.stringContaining('隐私保护指引'), settings: false });
  expect(outcome).toEqual(expect.objectContaining({ message: expect.stringContaining('把缴费凭证保存到相册用不了') }));
});

it('says it is our build’s fault when the album type is missing from the privacy guide (errno 112)', () => {
  expect(saveFailure({ errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errno: 112 })).toEqual({
    kind: 'denied',
    message: expect.stringMatching(/相册（仅写入）权限.*不是你的设置问题.*截屏/),
    settings: false,
  });
});

it('treats the resident’s own cancel as nothing to report, and anything else as a failure with a way out', () => {
  expect(saveFailure({ errMsg: 'saveImageToPhotosAlbum:fail cancel' })).toEqual({ kind: 'cancelled' });
  expect(saveFailure(new Error('boom'))).toEqual({ kind: 'failed', message: expect.stringContaining('截屏') });
});

it('fails plainly when the page has no canvas to paint on', async () => {
  wx.node = null;
  await expect(saveReceiptImage(LAYOUT, 'x.png')).resolves.toMatchObject({ kind: 'failed' });
  expect(wx.saveImageToPhotosAlbum).not.toHaveBeenCalled();
});
