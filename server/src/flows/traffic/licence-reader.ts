import { sdkClientConfig, type TencentCloudConfig } from '../../tencentcloud/config';
import { TENCENT_CLOUD_CALL_MS } from '../../runtime/budgets';

/** What the front page (主页) of a vehicle licence (行驶证) says, as printed. */
export interface LicenceFront {
  plateNo: string;
  vehicleType: string;
  engineNo: string;
  owner?: string;
  registerDate?: string;
  /** Tencent Cloud's quality warnings (-9102 copy, -9103 photo of a screen, -9104 glare, -9105 blur, -9106 cut-off). */
  warnCodes: number[];
}

export type LicenceRefusal = 'blurred' | 'not_a_licence' | 'unreadable_image' | 'too_large' | 'unavailable';

/** The reader looked and said no (the photo's fault), or could not look (ours or Tencent Cloud's). */
export class LicenceReadError extends Error {
  override name = 'LicenceReadError';
  constructor(
    readonly reason: LicenceRefusal,
    /** The API's own code, for the log. */
    readonly code: string,
  ) {
    super(`${reason} (${code})`);
  }
}

/** Reads a vehicle licence photo. Port: the Tencent Cloud OCR adapter deployed and in tests (against the sandbox). */
export interface VehicleLicenseReader {
  readFront(image: Buffer): Promise<LicenceFront>;
}

/** Tencent Cloud OCR error codes (API 2018-11-19) and what they mean for the resident's photo. */
const REFUSALS: Record<string, LicenceRefusal> = {
  'FailedOperation.ImageBlur': 'blurred',
  'FailedOperation.ImageNoText': 'not_a_licence',
  'FailedOperation.ImageNoSpecifiedCard': 'not_a_licence',
  'FailedOperation.OcrFailed': 'not_a_licence',
  'FailedOperation.EmptyImageError': 'unreadable_image',
  'FailedOperation.ImageDecodeFailed': 'unreadable_image',
  'InvalidParameter.EngineImageDecodeFailed': 'unreadable_image',
  'FailedOperation.ImageSizeTooLarge': 'too_large',
  'LimitExceeded.TooLargeFileError': 'too_large',
};

type OcrModule = typeof import('tencentcloud-sdk-nodejs/tencentcloud/services/ocr');

/**
 * Tencent Cloud `VehicleLicenseOCR` through `tencentcloud-sdk-nodejs`, the OCR service module
 * only: the SDK root loads all 262 services (~300 ms of cold start). Loaded on first use, so a
 * call that reads no licence does not pay for it either.
 */
export function tencentVehicleLicenseReader(cfg: TencentCloudConfig): VehicleLicenseReader {
  let client: Promise<InstanceType<OcrModule['ocr']['v20181119']['Client']>> | undefined;
  const getClient = () =>
    (client ??= import('tencentcloud-sdk-nodejs/tencentcloud/services/ocr').then(({ ocr }) => new ocr.v20181119.Client(sdkClientConfig(cfg, TENCENT_CLOUD_CALL_MS / 1000))));
  return {
    async readFront(image) {
      let answer;
      try {
        answer = await (await getClient()).VehicleLicenseOCR({ ImageBase64: image.toString('base64'), CardSide: 'FRONT' });
      } catch (e) {
        const code = typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'NetworkError';
        throw new LicenceReadError(REFUSALS[code] ?? 'unavailable', code);
      }
      const f = answer.FrontInfo;
      if (!f?.PlateNo || !f.EngineNo) throw new LicenceReadError('not_a_licence', 'NoFrontInfo');
      return {
        plateNo: f.PlateNo,
        vehicleType: f.VehicleType ?? '',
        engineNo: f.EngineNo,
        ...(f.Owner ? { owner: f.Owner } : {}),
        ...(f.RegisterDate ? { registerDate: f.RegisterDate } : {}),
        warnCodes: (answer.RecognizeWarnCode ?? []).map(Number),
      };
    },
  };
}
