import { pngBytes } from '@bianmin/server/storage/testing';
import { LI, startTestStack, type TestStack, ZHANG } from './testing/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

async function upload(bytes: Buffer | string, opts: { openid?: string | null; field?: string } = {}) {
  const form = new FormData();
  form.append(opts.field ?? 'file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), 'photo.jpg');
  const headers: Record<string, string> = {};
  const openid = opts.openid === undefined ? ZHANG.openid : opts.openid;
  if (openid) headers['x-dev-openid'] = openid;
  const res = await fetch(`${stack.url}/api/__dev/storage`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string; fields?: Record<string, string> } } };
}

describe('the local storage routes (the stand-in for wx.cloud.uploadFile)', () => {
  it('stores an upload for the calling resident and serves it back with its real type', async () => {
    const { status, body } = await upload(pngBytes());
    expect(status).toBe(200);
    const fileId = body.data!.fileId;
    expect(fileId).toMatch(/^local:\/\/[0-9a-f-]{36}$/);
    expect((await stack.storage.read(fileId, ZHANG.openid)).equals(pngBytes())).toBe(true);
    await expect(stack.storage.read(fileId, LI.openid)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const res = await fetch(`${stack.url}/api/__dev/storage/${fileId.slice(8)}`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(pngBytes())).toBe(true);
  });

  it('refuses an upload without a resident', async () => {
    expect(await upload(pngBytes(), { openid: null })).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
  });

  it('refuses a form without the file field, and an empty file, naming the field', async () => {
    expect(await upload(pngBytes(), { field: 'photo' })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', fields: { file: expect.any(String) } } } });
    expect(await upload('')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', fields: { file: expect.any(String) } } } });
  });

  it('refuses a body that is not multipart', async () => {
    const res = await fetch(`${stack.url}/api/__dev/storage`, { method: 'POST', body: 'hello', headers: { 'x-dev-openid': ZHANG.openid, 'content-type': 'text/plain' } });
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown file', async () => {
    expect((await fetch(`${stack.url}/api/__dev/storage/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
