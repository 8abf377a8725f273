import { AppError } from '@bianmin/core';
import type { LocalStorage } from '@bianmin/server/storage/index';
import { sniffMedia } from '@bianmin/server/storage/index';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A phone video of a minute is tens of MB; nothing larger is ever a resident's evidence. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * The local stand-in for `wx.cloud.uploadFile`: `POST /api/__dev/storage` with a multipart field
 * `file` → `{ fileId: 'local://…' }`, owned by the X-Dev-OpenId resident; and
 * `GET /api/__dev/storage/<uuid>` to show it (the ids are random, as CloudBase's temp URLs are).
 * The bytes are checked by the functions that use them, as they are deployed.
 */
export async function handleStorageRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  storage: LocalStorage,
  owner: () => string | null,
): Promise<boolean> {
  const get = /^\/api\/__dev\/storage\/([0-9a-f-]{36})$/.exec(path);
  if (get && (req.method === 'GET' || req.method === 'HEAD')) {
    const bytes = await storage.bytes(get[1]);
    if (!bytes) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    const type = sniffMedia(bytes)?.mime ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  }
  if (path !== '/api/__dev/storage' || req.method !== 'POST') return false;

  const openid = owner();
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先选择演示用户再上传文件。');
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) {
    throw new AppError('INVALID_INPUT', '请用 multipart/form-data 上传，文件放在 file 字段。', { fields: { file: '缺少文件' } });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size <= MAX_UPLOAD_BYTES + 64 * 1024) chunks.push(c as Buffer);
  }
  if (size > MAX_UPLOAD_BYTES + 64 * 1024) {
    throw new AppError('INVALID_INPUT', `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）。`, { fields: { file: '文件过大' } });
  }
  let file: FormDataEntryValue | null;
  try {
    // undici's multipart parser: the same one fetch() uses, no extra dependency.
    file = (await new Request('http://upload.local/', { method: 'POST', headers: { 'content-type': type }, body: Buffer.concat(chunks) }).formData()).get('file');
  } catch {
    throw new AppError('INVALID_INPUT', '上传内容格式不正确，请重新选择文件。', { fields: { file: '格式不正确' } });
  }
  if (!file || typeof file === 'string') throw new AppError('INVALID_INPUT', '没有收到文件，请把文件放在 file 字段。', { fields: { file: '缺少文件' } });
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '文件是空的，请重新选择。', { fields: { file: '文件为空' } });
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('INVALID_INPUT', `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）。`, { fields: { file: '文件过大' } });
  const fileId = await storage.put(bytes, openid);
  const text = JSON.stringify({ ok: true, data: { fileId } });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
  return true;
}
