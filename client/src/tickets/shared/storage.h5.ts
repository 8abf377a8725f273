import Taro from '@tarojs/taro';
import { devHeaders } from '../../api/dev-session';
import type * as Weapp from './storage';

/**
 * h5: the local gateway's stand-in for `wx.cloud.uploadFile` (`POST /api/__dev/storage`,
 * multipart field `file` → `{ fileId: 'local://…' }`), as the demo resident of the dev session.
 * Not imported from storage.ts, which names `Taro.cloud` (undefined on h5).
 */
export const uploadFile: typeof Weapp.uploadFile = async ({ filePath, onProgress }) => {
  const header = await devHeaders();
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: '/api/__dev/storage',
      filePath,
      name: 'file',
      header,
      success: (res) => {
        try {
          const body = JSON.parse(String(res.data)) as { ok: boolean; data?: { fileId?: string }; error?: { message?: string } };
          if (body.ok && body.data?.fileId) resolve(body.data.fileId);
          else reject(new Error(body.error?.message || '上传失败'));
        } catch {
          reject(new Error(`上传失败（${res.statusCode}）`));
        }
      },
      fail: (e) => reject(new Error(e.errMsg || '上传失败，请检查网络')),
    });
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress));
  });
};
