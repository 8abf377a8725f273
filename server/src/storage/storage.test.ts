import { AppError } from '@bianmin/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudbaseStorage, localStorage, sniffMedia } from './index';
import { jpegHeaderBytes, mp4Bytes, pngBytes } from './testing';

describe('sniffMedia reads what a file is from its bytes', () => {
  it('recognises JPEG, PNG, WebP and HEIC images', () => {
    expect(sniffMedia(jpegHeaderBytes())).toEqual({ kind: 'image', mime: 'image/jpeg' });
    expect(sniffMedia(pngBytes())).toEqual({ kind: 'image', mime: 'image/png' });
    expect(sniffMedia(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toEqual({ kind: 'image', mime: 'image/webp' });
    expect(sniffMedia(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'))).toEqual({ kind: 'image', mime: 'image/heic' });
  });

  it('reads an MP4 duration from moov/mvhd', () => {
    expect(sniffMedia(mp4Bytes(59.5))).toEqual({ kind: 'video', mime: 'video/mp4', durationMs: 59500 });
    expect(sniffMedia(mp4Bytes(61, 90000))).toEqual({ kind: 'video', mime: 'video/mp4', durationMs: 61000 });
  });

  it('gives an MP4 without a movie header a null duration, not a guess', () => {
    expect(sniffMedia(mp4Bytes(10).subarray(0, 24))).toEqual({ kind: 'video', mime: 'video/mp4', durationMs: null });
  });

  it('refuses text, PDFs and a renamed executable whatever they are called', () => {
    expect(sniffMedia(Buffer.from('hello, this is not a photo'))).toBeNull();
    expect(sniffMedia(Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(sniffMedia(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBeNull();
    expect(sniffMedia(Buffer.alloc(0))).toBeNull();
  });

  it('does not trust a box size that points past the end', () => {
    const b = mp4Bytes(10);
    b.writeUInt32BE(0xffffff, b.readUInt32BE(0)); // the box after ftyp (moov) claims 16 MB
    expect(sniffMedia(b)).toEqual({ kind: 'video', mime: 'video/mp4', durationMs: null });
  });
});

describe('localStorage', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bm-storage-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back the bytes to the resident who uploaded them', async () => {
    const s = localStorage(dir);
    const id = await s.put(pngBytes(), 'oOwner000001');
    expect(id).toMatch(/^local:\/\/[0-9a-f-]{36}$/);
    expect((await s.read(id, 'oOwner000001')).equals(pngBytes())).toBe(true);
    expect(await s.displayUrl(id)).toBe(`/api/__dev/storage/${id.slice(8)}`);
  });

  it('tells a file’s size without reading it, to its owner only', async () => {
    const s = localStorage(dir);
    const id = await s.put(pngBytes(), 'oOwner000001');
    await expect(s.stat(id, 'oOwner000001')).resolves.toEqual({ size: pngBytes().length });
    await expect(s.stat(id, 'oOther000002')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("answers another resident's file and a made-up id alike: NOT_FOUND", async () => {
    const s = localStorage(dir);
    const id = await s.put(pngBytes(), 'oOwner000001');
    for (const [fileId, who] of [
      [id, 'oOther000002'],
      ['local://00000000-0000-4000-8000-000000000000', 'oOwner000001'],
      ['local://../../etc/passwd', 'oOwner000001'],
    ]) {
      await expect(s.read(fileId, who)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('cloudbaseStorage', () => {
  const sdk = {
    downloadFile: jest.fn(async () => ({ fileContent: Buffer.from('bytes') })),
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: string[] }) => ({ fileList: fileList.map((f) => ({ fileID: f, tempFileURL: 'https://tmp.example/x', status: 0 })) })),
  };
  const s = cloudbaseStorage(() => sdk);
  const mine = 'cloud://env-1.bucket/uploads/oOwner000001/2026/a.jpg';

  it('reads a file under the caller’s own upload folder', async () => {
    expect((await s.read(mine, 'oOwner000001')).toString()).toBe('bytes');
    expect(sdk.downloadFile).toHaveBeenCalledWith({ fileID: mine });
  });

  it('reads a size from a HEAD of the temporary URL, as node-sdk’s getFileInfo does, without downloading', async () => {
    sdk.downloadFile.mockClear();
    const heads: Array<{ url: string; method?: string }> = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      heads.push({ url, method: init?.method });
      return new Response(null, { status: 200, headers: { 'content-length': '10485761' } });
    }) as unknown as typeof fetch;
    const s2 = cloudbaseStorage(() => sdk, fetchFn);
    await expect(s2.stat(mine, 'oOwner000001')).resolves.toEqual({ size: 10485761 });
    expect(heads).toEqual([{ url: 'https://tmp.example/x', method: 'HEAD' }]);
    expect(sdk.downloadFile).not.toHaveBeenCalled();
  });

  it('answers NOT_FOUND for a file gone from storage, and "unavailable" (not a size) when the HEAD says nothing usable', async () => {
    const gone = cloudbaseStorage(() => sdk, (async () => new Response(null, { status: 404 })) as unknown as typeof fetch);
    await expect(gone.stat(mine, 'oOwner000001')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const vague = cloudbaseStorage(() => sdk, (async () => new Response(null, { status: 200 })) as unknown as typeof fetch);
    await expect(vague.stat(mine, 'oOwner000001')).rejects.toMatchObject({ name: 'StorageUnavailable' });
    const foreign = cloudbaseStorage(() => sdk, (async () => {
      throw new Error('must not be asked');
    }) as unknown as typeof fetch);
    await expect(foreign.stat(mine.replace('oOwner000001', 'oOther000002'), 'oOwner000001')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("never downloads a file outside the caller's folder", async () => {
    sdk.downloadFile.mockClear();
    for (const id of [mine.replace('oOwner000001', 'oOther000002'), 'cloud://env-1.bucket/uploads/oOwner000001/../oOther000002/a.jpg', 'cloud://env-1.bucket/other/oOwner000001/a.jpg']) {
      const err = await s.read(id, 'oOwner000001').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(sdk.downloadFile).not.toHaveBeenCalled();
  });
});
