import { createHash } from 'node:crypto';
import { readAsset } from '../assets';
import type { FixtureResident } from '../fixtures';
import { TcError, type TencentCloudSandbox } from './tencentcloud';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The committed sample photos that are not a readable licence, and what Tencent Cloud OCR says of each. */
export const OCR_REFUSED_PHOTOS = {
  blurred: { asset: 'traffic/licence-blurred.jpg', code: 'FailedOperation.ImageBlur', message: '图片模糊。' },
  notALicence: { asset: 'traffic/not-a-licence.jpg', code: 'FailedOperation.OcrFailed', message: 'OCR识别失败。' },
} as const;

const assetOf = (url: string) => url.replace(/^\/api\/__dev\/assets\//, '');

/**
 * `VehicleLicenseOCR` (ocr 2018-11-19) on the Tencent Cloud sandbox. It recognises the fixture
 * residents' licence photos by their bytes and answers the front page as the real API does
 * (`FrontInfo.PlateNo`, `VehicleType`, `EngineNo`, …); a blurred photo gets
 * `FailedOperation.ImageBlur`, anything else that is not a licence `FailedOperation.OcrFailed`,
 * bytes that are not an image `FailedOperation.ImageDecodeFailed`.
 */
export function registerVehicleLicenseOcr(tc: TencentCloudSandbox, residents: FixtureResident[]): void {
  const known = new Map<string, { resident: FixtureResident; vehicle: FixtureResident['vehicles'][number] }>();
  for (const resident of residents) {
    for (const vehicle of resident.vehicles) {
      const bytes = readAsset(assetOf(vehicle.licencePhoto));
      if (bytes) known.set(sha256(bytes), { resident, vehicle });
    }
  }
  const refused = new Map<string, { code: string; message: string }>();
  for (const r of Object.values(OCR_REFUSED_PHOTOS)) {
    const bytes = readAsset(r.asset);
    if (bytes) refused.set(sha256(bytes), r);
  }

  tc.register('VehicleLicenseOCR', (params) => {
    if (typeof params.ImageBase64 !== 'string' || params.ImageBase64 === '') {
      throw new TcError('InvalidParameterValue.InvalidParameterValueLimit', '参数值错误：ImageBase64 与 ImageUrl 必须提供一个。');
    }
    if (params.CardSide !== undefined && !['FRONT', 'BACK', 'DOUBLE'].includes(String(params.CardSide))) {
      throw new TcError('InvalidParameterValue.InvalidParameterValueLimit', '参数值错误：CardSide。');
    }
    const image = Buffer.from(params.ImageBase64, 'base64');
    const isImage = image[0] === 0xff && image[1] === 0xd8 ? true : image.subarray(1, 4).toString('latin1') === 'PNG';
    if (!isImage) throw new TcError('FailedOperation.ImageDecodeFailed', '图片解码失败。');
    const hash = sha256(image);
    const no = refused.get(hash);
    if (no) throw new TcError(no.code, no.message);
    const hit = known.get(hash);
    if (!hit) throw new TcError('FailedOperation.OcrFailed', 'OCR识别失败。');
    const { resident, vehicle } = hit;
    return {
      FrontInfo: {
        PlateNo: vehicle.plate,
        VehicleType: vehicle.vehicleTypeName,
        Owner: resident.name,
        Address: '广东省深圳市',
        UseCharacter: '非营运',
        EngineNo: vehicle.engineNo,
        Seal: '深圳市公安局交通警察支队',
      },
      BackInfo: null,
      RecognizeWarnCode: [],
      RecognizeWarnMsg: [],
      VehicleLicenseType: 'Normal',
    };
  });
}
