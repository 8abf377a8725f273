import Taro from '@tarojs/taro';
import { ApiError } from '../../api';
import { devHeaders } from '../../api/dev-session';
import type * as Weapp from './storage';

/**
 * h5: the local gateway's stand-in for `wx.cloud.uploadFile` — `POST /api/__dev/storage`,
 * multipart field `file` → `{ fileId: 'local://…' }`, owned by the demo resident calling.
 */
export const uploadPhoto: typeof Weapp.uploadPhoto = async (tempFilePath) => {
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({ url: '/api/__dev/storage', filePath: tempFilePath, name: 'file', header: await devHeaders() });
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: '照片没有上传成功，请检查网络后重试。', retryable: true });
  }
  let body: { ok?: boolean; data?: { fileId?: string }; error?: { code: string; message: string; fields?: Record<string, string> } };
  try {
    body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: '照片上传没有得到正确的回应，请重试。', retryable: true });
  }
  const fileId = body.data?.fileId ?? (body as { fileId?: string }).fileId;
  if (fileId) return fileId;
  throw new ApiError({ code: 'INVALID_INPUT', message: body.error?.message ?? '照片没有上传成功，请重新选择。', retryable: false });
};
