/**
 * What the mini-program must declare in WeChat's 用户隐私保护指引 (MP console → 设置 → 服务内容声明
 * → 用户隐私保护指引): WeChat disables every API whose information type is not declared there
 * (`api scope is not declared in the privacy agreement`, errno 112), and asks the resident to
 * agree before the first one runs (our consent sheet, ./consent-sheet.tsx).
 *
 * One entry per API the app calls, beside the code that calls it (`where`): the information type
 * as the console names it, the purpose sentence to enter there, what the resident loses by
 * refusing and what they can do instead. `info-types.test.ts` scans client/src for every call of
 * an API in WeChat's table (./wechat-apis.ts) and fails for one not listed here (or listed with the wrong type or
 * files), and scripts/check-weapp.mjs does the same on the built package (libraries included).
 * This file is read by that script too: keep it free of imports but types. WeChat's own table of
 * privacy APIs is ./wechat-apis.ts (not shipped: only the tests and the build check read it).
 */
import type { PrivacyInfoType } from './wechat-apis';

export type { PrivacyInfoType } from './wechat-apis';

export interface PrivacyUse {
  /** As WECHAT_PRIVACY_APIS keys it. */
  api: string;
  infoType: PrivacyInfoType;
  /** The console's purpose sentence: 开发者收集你选中的照片或视频信息，用于… */
  purpose: string;
  /** What does not work while the resident has not agreed (or WeChat refused): a verb phrase. */
  feature: string;
  /** What the resident can do instead. */
  instead: string;
  /** The files that call it (client/src/…), so the list stays beside the code. */
  where: readonly string[];
}

export const PRIVACY_USES: readonly PrivacyUse[] = [
  {
    api: 'chooseMedia',
    infoType: '选中的照片或视频信息',
    purpose: '用于在 12345 诉求里附上现场照片和视频，以及拍行驶证识别号牌',
    feature: '添加照片和视频、拍行驶证识别车辆',
    instead: '也可以不附照片直接提交诉求，或手动填写号牌',
    where: ['client/src/tickets/shared/media.ts', 'client/src/traffic/shared/pick-photo.ts'],
  },
  {
    api: 'chooseLocation',
    infoType: '选择的位置信息',
    purpose: '用于在地图上选择 12345 诉求发生的地点',
    feature: '在地图上选择地点',
    instead: '可以直接输入地点',
    where: ['client/src/tickets/pages/new/index.tsx'],
  },
  {
    api: 'saveImageToPhotosAlbum',
    infoType: '相册（仅写入）权限',
    purpose: '用于把缴费凭证图片保存到你的相册',
    feature: '把缴费凭证保存到相册',
    instead: '可以截屏保存本页',
    where: ['client/src/payments/receipt-image/save.ts'],
  },
];

/** The entry for `api`, or undefined when the app does not declare it. */
export function privacyUse(api: string): PrivacyUse | undefined {
  return PRIVACY_USES.find((u) => u.api === api);
}

/** The information types the MP console must list, each once, in the order above. */
export function declaredInfoTypes(): PrivacyInfoType[] {
  return [...new Set(PRIVACY_USES.map((u) => u.infoType))];
}
