import type { LicenceReading, VehicleView } from '@bianmin/core';
import { readAsset } from '@bianmin/dev/assets';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { OCR_REFUSED_PHOTOS, registerVehicleLicenseOcr } from '@bianmin/dev/sandboxes/ocr';
import { TcError } from '@bianmin/dev/sandboxes/tencentcloud';
import { LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';
import { mp4Bytes, pngBytes } from '../../storage/testing';

const NOON = '2026-03-10T12:00:00+08:00';

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe('adding a vehicle by photo (行驶证 OCR through tencentcloud-sdk-nodejs)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  const asset = (url: string) => readAsset(url.replace(/^\/api\/__dev\/assets\//, ''))!;
  /** Uploads as the resident would on h5: multipart to the gateway's storage route. */
  const upload = async (bytes: Buffer, openid: string, name = 'licence.jpg') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${stack.url}/api/__dev/storage`, { method: 'POST', headers: { 'x-dev-openid': openid }, body: form });
    return data<{ fileId: string }>({ body: await res.json() }).fileId;
  };
  const read = (fileId: string, openid = ZHANG.openid) => stack.call<{ reading: LicenceReading }>('traffic', { action: 'readLicence', fileId }, { openid, now: NOON });

  it('serves the fixture licence photos at the URL /api/__dev/fixtures lists', async () => {
    const fixtures = (await (await fetch(`${stack.url}/api/__dev/fixtures`)).json()) as { residents: Array<{ vehicles: Array<{ licencePhoto: string }> }> };
    const urls = fixtures.residents.flatMap((r) => r.vehicles.map((v) => v.licencePhoto));
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      const res = await fetch(`${stack.url}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
    }
    expect((await fetch(`${stack.url}/api/__dev/assets/traffic/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('prefills plate, kind and engine suffix from the fixture photo, through the real SDK, its TC3 signature verified by the sandbox', async () => {
    const before = stack.tencentCloud.requests.length;
    const fileId = await upload(asset(ZHANG.vehicles[0].licencePhoto), ZHANG.openid);
    const { reading } = data<{ reading: LicenceReading }>(await read(fileId));
    expect(reading).toEqual({ plate: '粤B12345', plateKind: 'small_car', vehicleType: '小型轿车', engineNoSuffix: 'A61234', owner: '张晓明', warnings: [] });
    const sent = stack.tencentCloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    // The credential scope's service is the host's first label when the SDK is pointed at 127.0.0.1.
    expect(sent[0]).toMatchObject({ action: 'VehicleLicenseOCR', version: '2018-11-19', region: 'ap-guangzhou', signatureValid: true, params: { CardSide: 'FRONT' } });
    expect(Buffer.from(String(sent[0].params.ImageBase64), 'base64')).toEqual(asset(ZHANG.vehicles[0].licencePhoto));

    // …and the prefilled form adds the vehicle.
    const { vehicle } = data<{ vehicle: VehicleView }>(await stack.call('traffic', { action: 'addVehicle', plate: reading.plate, plateKind: reading.plateKind, engineNoSuffix: reading.engineNoSuffix }, { now: NOON }));
    expect(vehicle.plateMasked).toBe('粤B·1**45');
  });

  it('derives the new-energy kind from the plate itself', async () => {
    const fileId = await upload(asset(WANG.vehicles[1].licencePhoto), WANG.openid);
    expect(data<{ reading: LicenceReading }>(await read(fileId, WANG.openid)).reading).toMatchObject({ plate: '粤BD12345', plateKind: 'small_nev', engineNoSuffix: 'C33187' });
  });

  it.each([
    ['a blurred photo', 'FailedOperation.ImageBlur', OCR_REFUSED_PHOTOS.blurred.asset, /照片模糊/],
    ['a photo that is not a licence', 'FailedOperation.OcrFailed', OCR_REFUSED_PHOTOS.notALicence.asset, /没有识别到行驶证主页/],
  ])('refuses %s (the OCR’s own %s) with a clear message on fields.fileId', async (_l, code, name, message) => {
    const before = stack.tencentCloud.requests.length;
    const fileId = await upload(readAsset(name)!, ZHANG.openid);
    const r = await read(fileId);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message), fields: { fileId: expect.any(String) } } });
    expect(stack.tencentCloud.requests.slice(before)).toEqual([expect.objectContaining({ action: 'VehicleLicenseOCR', signatureValid: true, error: code })]);
  });

  it('refuses a file that is not a photo by its bytes, whatever its name, without calling OCR', async () => {
    const before = stack.tencentCloud.requests.length;
    for (const bytes of [Buffer.from('%PDF-1.7 not a photo'), mp4Bytes(3)]) {
      const fileId = await upload(bytes, ZHANG.openid, 'licence.jpg');
      expect((await read(fileId)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { fileId: expect.stringContaining('不是可识别的照片') } } });
    }
    expect(stack.tencentCloud.requests.length).toBe(before);
  });

  it('refuses an image with no licence in it (a plain PNG) with the OCR’s refusal', async () => {
    const fileId = await upload(pngBytes(8, 8), ZHANG.openid, 'x.png');
    expect((await read(fileId)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { fileId: expect.any(String) } } });
  });

  it('does not read another resident’s upload: NOT_FOUND, and nothing goes to OCR', async () => {
    const fileId = await upload(asset(ZHANG.vehicles[0].licencePhoto), ZHANG.openid);
    const before = stack.tencentCloud.requests.length;
    expect((await read(fileId, LI.openid)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await read('local://00000000-0000-4000-8000-000000000000')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(stack.tencentCloud.requests.length).toBe(before);
  });

  it('says OCR is unavailable (retry, or type it in) when Tencent Cloud fails, and recovers', async () => {
    const fileId = await upload(asset(ZHANG.vehicles[0].licencePhoto), ZHANG.openid);
    stack.tencentCloud.register('VehicleLicenseOCR', () => {
      throw new TcError('InternalError', 'An internal error has occurred.');
    });
    try {
      expect((await read(fileId)).body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE', retryable: true, message: expect.stringContaining('手动填写') } });
    } finally {
      registerVehicleLicenseOcr(stack.tencentCloud, RESIDENTS);
    }
    expect(data<{ reading: LicenceReading }>(await read(fileId)).reading.plate).toBe('粤B12345');
  });

  it('refuses a file id that is not one of ours on fields.fileId', async () => {
    for (const fileId of ['../../etc/passwd', 'http://evil.example/x.jpg', 'local://../x', '']) {
      expect((await read(fileId)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { fileId: expect.any(String) } } });
    }
  });
});
