import { z } from 'zod';

/**
 * A file the resident uploaded, named by the storage that holds it: `cloud://<env>.<bucket>/uploads/<openid>/…`
 * on CloudBase (wx.cloud.uploadFile), `local://<uuid>` on the local stack. Functions never take file
 * bytes in a call's body; they read the file through the Storage port by this id.
 */
export const LOCAL_FILE_ID = /^local:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]{1,128}\/uploads\/[A-Za-z0-9_-]{6,64}\/[A-Za-z0-9._/-]{1,200}$/;

export const fileIdSchema = z
  .string({ error: '请先上传文件' })
  .max(400, '文件标识过长')
  .refine((s) => (LOCAL_FILE_ID.test(s) || CLOUD_FILE_ID.test(s)) && !s.includes('..'), '文件标识无效，请重新上传');

/** The cloud path a resident's upload must use on weapp, so the server can tell whose file it is. */
export function uploadCloudPath(openid: string, name: string): string {
  return `uploads/${openid}/${name}`;
}
