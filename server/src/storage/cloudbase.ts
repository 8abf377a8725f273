import { AppError, CLOUD_FILE_ID } from '@bianmin/core';
import { DeadlineExceeded, STORAGE_CALL_MS, storageReadMs, withTimeout } from '../runtime/budgets';
import { StorageUnavailable } from './errors';
import type { Storage } from './index';

/** The part of wx-server-sdk's storage API we use. */
export interface CloudStorageSdk {
  downloadFile(args: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(args: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number; errMsg?: string }[] }>;
}

const notFound = () => new AppError('NOT_FOUND', '没有找到上传的文件，请重新上传。', { fields: { fileId: '文件不存在或已过期，请重新上传' } });

/**
 * CloudBase storage. The mini-program uploads to `uploads/<openid>/…` (core's `uploadCloudPath`);
 * a function has admin rights to every file, so ownership is checked here, from the path, before
 * any byte is read. The SDK's calls have no deadline of their own: each gets one here.
 *
 * wx-server-sdk has no call for a file's size. `stat` does what @cloudbase/node-sdk's
 * `getFileInfo` does (3.17, the SDK wx-server-sdk wraps): a temporary URL, then a HEAD of it, whose
 * content-length is the size — the bytes stay in storage.
 */
export function cloudbaseStorage(sdk: () => CloudStorageSdk, fetchFn: typeof fetch = fetch): Storage {
  const owned = (fileId: string, openid: string) => CLOUD_FILE_ID.test(fileId) && !fileId.includes('..') && fileId.includes(`/uploads/${openid}/`);
  const tempUrl = async (fileId: string) => {
    let fileList: Awaited<ReturnType<CloudStorageSdk['getTempFileURL']>>['fileList'];
    try {
      ({ fileList } = await withTimeout(sdk().getTempFileURL({ fileList: [fileId] }), STORAGE_CALL_MS, 'getTempFileURL'));
    } catch (e) {
      throw new StorageUnavailable(e instanceof Error ? e.message : String(e));
    }
    const hit = fileList.find((f) => f.fileID === fileId && f.status === 0);
    if (!hit) throw notFound();
    return hit.tempFileURL;
  };
  return {
    async read(fileId, ownerOpenid, opts = {}) {
      if (!owned(fileId, ownerOpenid)) throw notFound();
      try {
        return (await withTimeout(sdk().downloadFile({ fileID: fileId }), opts.deadlineMs ?? storageReadMs(10 * 1024 * 1024), 'downloadFile')).fileContent;
      } catch (e) {
        if (e instanceof DeadlineExceeded) throw new StorageUnavailable(e.message);
        throw notFound();
      }
    },
    async stat(fileId, ownerOpenid) {
      if (!owned(fileId, ownerOpenid)) throw notFound();
      const url = await tempUrl(fileId);
      let res: Response;
      try {
        res = await fetchFn(encodeURI(url), { method: 'HEAD', signal: AbortSignal.timeout(STORAGE_CALL_MS) });
      } catch (e) {
        throw new StorageUnavailable(`HEAD of the temporary URL: ${e instanceof Error ? e.name : String(e)}`);
      }
      if (res.status === 404) throw notFound();
      const length = res.headers.get('content-length');
      const size = length !== null && /^\d+$/.test(length.trim()) ? Number(length) : NaN;
      if (!res.ok || !Number.isSafeInteger(size)) throw new StorageUnavailable(`HEAD of the temporary URL: ${res.status}, content-length ${res.headers.get('content-length')}`);
      return { size };
    },
    displayUrl: tempUrl,
  };
}
