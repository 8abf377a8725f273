import { AppError, type LicenceReading, maskPlateDisplay, parsePlate, type PlateKind } from '@bianmin/core';
import { LICENCE_READS, releaseHit, takeHit } from '../../limits/rate-limit';
import { storageReadMs } from '../../runtime/budgets';
import { LICENCE_PHOTO_MAX_BYTES } from '../../storage/limits';
import { StorageUnavailable } from '../../storage/errors';
import { sniffMedia } from '../../storage/sniff';
import type { TencentCloudConfig } from '../../tencentcloud/config';
import type { Deps, ResidentContext } from '../../runtime/types';
import { LicenceReadError, type LicenceRefusal, tencentVehicleLicenseReader, type VehicleLicenseReader } from './licence-reader';

const readers = new WeakMap<TencentCloudConfig, VehicleLicenseReader>();

/** One reader per configuration, so the SDK client (and its module) is set up once per process. */
export function licenceReaderFor(deps: Deps): VehicleLicenseReader {
  const cfg = deps.tencentCloud;
  if (!cfg) throw new AppError('DEPARTMENT_UNAVAILABLE', '拍照识别暂不可用，请手动填写号牌号码和发动机号后六位。', { retryable: true });
  let r = readers.get(cfg);
  if (!r) readers.set(cfg, (r = tencentVehicleLicenseReader(cfg)));
  return r;
}

const MESSAGES: Record<LicenceRefusal, string> = {
  blurred: '照片模糊，识别不出行驶证上的文字。请在光线充足处对准行驶证主页（有红色印章的一面）重新拍摄，保持手机稳定。',
  not_a_licence: '照片中没有识别到行驶证主页。请拍摄行驶证主页（有红色印章的一面），让证件占满画面的大部分。',
  unreadable_image: '照片无法打开，请重新拍摄或选择一张 JPG、PNG 格式的照片。',
  too_large: '照片太大，请重新拍摄或选择 5 MB 以内的照片。',
  unavailable: '拍照识别暂时不可用，请稍后再试，或手动填写号牌号码和发动机号后六位。',
};

const WARNINGS: Record<number, string> = {
  [-9102]: '照片疑似行驶证复印件，请核对识别结果',
  [-9103]: '照片疑似翻拍，请核对识别结果',
  [-9104]: '照片有反光，请核对识别结果',
  [-9105]: '照片有些模糊，请核对识别结果',
  [-9106]: '证件边框不完整，请核对识别结果',
};

/**
 * An ordinary plate's colour follows the vehicle: small and mini vehicles carry blue plates
 * (小型汽车), medium, large and heavy ones yellow (大型汽车, GA 36-2018 表 1). A prefill only:
 * the resident sees and may change it.
 */
function kindFromVehicleType(vehicleType: string): PlateKind | null {
  if (/^(大型|中型|重型)/.test(vehicleType)) return 'large_car';
  if (/^(小型|微型)/.test(vehicleType)) return 'small_car';
  return null;
}

/**
 * Reads the resident's own vehicle licence photo to prefill the add-vehicle form. The photo is
 * read through the Storage port (someone else's file is NOT_FOUND), checked by its bytes (not
 * its name) and sent to OCR; nothing is stored, and the resident checks the result before adding.
 */
export async function readLicence(ctx: ResidentContext, input: { fileId: string }): Promise<{ reading: LicenceReading }> {
  // The size first: a file too large is refused before it is downloaded (the function's memory is sized for this limit).
  const bytes = await (async () => {
    try {
      const { size } = await ctx.deps.storage.stat(input.fileId, ctx.caller.openid);
      if (size > LICENCE_PHOTO_MAX_BYTES) throw new AppError('INVALID_INPUT', MESSAGES.too_large, { fields: { fileId: '照片超过 5 MB' } });
      return await ctx.deps.storage.read(input.fileId, ctx.caller.openid, { deadlineMs: storageReadMs(size) });
    } catch (e) {
      if (e instanceof StorageUnavailable) throw new AppError('DEPARTMENT_UNAVAILABLE', '照片暂时读取不到，请稍后再试。', { retryable: true, cause: e });
      throw e;
    }
  })();
  const media = sniffMedia(bytes);
  if (!media || media.kind !== 'image' || media.mime === 'image/heic') {
    throw new AppError('INVALID_INPUT', '上传的文件不是 JPG、PNG 或 WebP 照片，请重新拍摄行驶证主页。', { fields: { fileId: '不是可识别的照片' } });
  }
  if (bytes.length > LICENCE_PHOTO_MAX_BYTES) throw new AppError('INVALID_INPUT', MESSAGES.too_large, { fields: { fileId: '照片超过 5 MB' } });

  const reader = licenceReaderFor(ctx.deps);
  // Each read is a billed OCR call: counted per caller before it is made, in one statement with the check.
  const db = await ctx.deps.db();
  const hit = await takeHit(db, LICENCE_READS, ctx.caller.openid, ctx.clock.now());
  let front;
  try {
    front = await reader.readFront(bytes);
  } catch (e) {
    if (!(e instanceof LicenceReadError)) throw e;
    ctx.log.info({ reason: e.reason, code: e.code }, 'licence photo refused by OCR');
    if (e.reason === 'unavailable') {
      // OCR did not answer (or was busy): not a read, so not counted.
      await releaseHit(db, hit);
      throw new AppError('DEPARTMENT_UNAVAILABLE', MESSAGES.unavailable, { retryable: true, cause: e });
    }
    throw new AppError('INVALID_INPUT', MESSAGES[e.reason], { fields: { fileId: MESSAGES[e.reason].split('。')[0] } });
  }

  const plate = parsePlate(front.plateNo);
  const engine = front.engineNo.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!plate.ok || !/^[A-Z0-9]{6,}$/.test(engine)) {
    throw new AppError('INVALID_INPUT', '识别出的号牌号码或发动机号不完整，请重新拍摄，或手动填写。', { fields: { fileId: '识别结果不完整' } });
  }
  ctx.log.info({ plate: maskPlateDisplay(plate.value.plate), warnings: front.warnCodes }, 'licence photo read');
  return {
    reading: {
      plate: plate.value.plate,
      plateKind: plate.value.kind ?? kindFromVehicleType(front.vehicleType),
      vehicleType: front.vehicleType,
      engineNoSuffix: engine.slice(-6),
      ...(front.owner ? { owner: front.owner } : {}),
      ...(front.registerDate ? { registerDate: front.registerDate } : {}),
      warnings: front.warnCodes.map((c) => WARNINGS[c]).filter((w): w is string => Boolean(w)),
    },
  };
}
