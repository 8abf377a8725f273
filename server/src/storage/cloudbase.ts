import { AppError, CLOUD_FILE_ID } from '@bianmin/core';
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
 * any byte is read.
 */
export function cloudbaseStorage(sdk: () => CloudStorageSdk): Storage {
  const owned = (fileId: string, openid: string) => CLOUD_FILE_ID.test(fileId) && !fileId.includes('..') && fileId.includes(`/uploads/${openid}/`);
  return {
    async read(fileId, ownerOpenid) {
      if (!owned(fileId, ownerOpenid)) throw notFound();
      try {
        return (await sdk().downloadFile({ fileID: fileId })).fileContent;
      } catch {
        throw notFound();
      }
    },
    async displayUrl(fileId) {
      const { fileList } = await sdk().getTempFileURL({ fileList: [fileId] });
      const hit = fileList.find((f) => f.fileID === fileId && f.status === 0);
      if (!hit) throw notFound();
      return hit.tempFileURL;
    },
  };
}
