/**
 * What the mini-program must declare in WeChat's 用户隐私保护指引 (MP console → 设置 → 服务内容声明
 * → 用户隐私保护指引): WeChat disables every API whose information type is not declared there
 * (`api scope is not declared in the privacy agreement`, errno 112), and asks the resident to
 * agree before the first one runs (our consent sheet, ./consent-sheet.tsx).
 *
 * One entry per API the app calls, beside the code that calls it (`where`): the information type
 * as the console names it, the purpose sentence to enter there, what the resident loses by
 * refusing and what they can do instead. `info-types.test.ts` scans client/src for every call of
 * an API in WECHAT_PRIVACY_APIS and fails for one not listed here (or listed with the wrong type or
 * files), and scripts/check-weapp.mjs does the same on the built package (libraries included).
 * This file is read by that script too: keep it free of imports.
 */

/** The information types of WeChat's guide, by the names its console shows. */
export type PrivacyInfoType =
  | '用户信息（微信昵称、头像）'
  | '位置信息'
  | '选择的位置信息'
  | '地址'
  | '发票信息'
  | '微信运动步数'
  | '手机号'
  | '车牌号'
  | '选中的照片或视频信息'
  | '选中的文件'
  | '麦克风'
  | '摄像头'
  | '蓝牙'
  | '相册（仅写入）权限'
  | '通讯录（仅写入）权限'
  | '日历（仅写入）权限'
  | '加速传感器'
  | '磁场传感器'
  | '方向传感器'
  | '陀螺仪传感器'
  | '剪切板';

/**
 * WeChat's table of privacy APIs and components (《小程序用户隐私保护指引内容介绍》, "处理的信息" →
 * 接口或组件), as far as a call in code shows them: `wx.<name>` / `Taro.<name>`, a component, a
 * button's open-type, or an authorize scope. Plus the entry points of SDKs that use one of them
 * inside the mini-program (`startVerify`: 慧眼's FaceID SDK films the face with `<camera>`).
 */
export const WECHAT_PRIVACY_APIS: Readonly<Record<string, PrivacyInfoType>> = {
  getUserInfo: '用户信息（微信昵称、头像）',
  getUserProfile: '用户信息（微信昵称、头像）',
  'open-type=chooseAvatar': '用户信息（微信昵称、头像）',
  'input type=nickname': '用户信息（微信昵称、头像）',
  getLocation: '位置信息',
  getFuzzyLocation: '位置信息',
  startLocationUpdate: '位置信息',
  startLocationUpdateBackground: '位置信息',
  onLocationChange: '位置信息',
  'scope.userLocation': '位置信息',
  'scope.userFuzzyLocation': '位置信息',
  'scope.userLocationBackground': '位置信息',
  moveToLocation: '位置信息',
  chooseLocation: '选择的位置信息',
  choosePoi: '选择的位置信息',
  chooseAddress: '地址',
  chooseInvoice: '发票信息',
  chooseInvoiceTitle: '发票信息',
  getWeRunData: '微信运动步数',
  shareToWeRun: '微信运动步数',
  'open-type=getPhoneNumber': '手机号',
  'open-type=getRealtimePhoneNumber': '手机号',
  chooseLicensePlate: '车牌号',
  chooseImage: '选中的照片或视频信息',
  chooseMedia: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  chooseMessageFile: '选中的文件',
  startRecord: '麦克风',
  joinVoIPChat: '麦克风',
  'scope.record': '麦克风',
  getRecorderManager: '麦克风',
  createVKSession: '摄像头',
  'scope.camera': '摄像头',
  '<Camera>': '摄像头',
  '<LivePusher>': '摄像头',
  '<VoipRoom>': '摄像头',
  startVerify: '摄像头',
  openBluetoothAdapter: '蓝牙',
  createBLEPeripheralServer: '蓝牙',
  saveImageToPhotosAlbum: '相册（仅写入）权限',
  saveVideoToPhotosAlbum: '相册（仅写入）权限',
  'scope.writePhotosAlbum': '相册（仅写入）权限',
  addPhoneContact: '通讯录（仅写入）权限',
  'scope.addPhoneContact': '通讯录（仅写入）权限',
  addPhoneCalendar: '日历（仅写入）权限',
  addPhoneRepeatCalendar: '日历（仅写入）权限',
  'scope.addPhoneCalendar': '日历（仅写入）权限',
  startAccelerometer: '加速传感器',
  onAccelerometerChange: '加速传感器',
  startCompass: '磁场传感器',
  onCompassChange: '磁场传感器',
  startDeviceMotionListening: '方向传感器',
  onDeviceMotionChange: '方向传感器',
  startGyroscope: '陀螺仪传感器',
  onGyroscopeChange: '陀螺仪传感器',
  getClipboardData: '剪切板',
  setClipboardData: '剪切板',
};

/** Deprecated by WeChat in favour of chooseMedia: never called from code that reaches the mini-program. */
export const DEPRECATED_APIS: Readonly<Record<string, string>> = {
  chooseImage: 'chooseMedia',
  chooseVideo: 'chooseMedia',
};

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
  /** Listed in app.json `requiredPrivateInfos` (WeChat requires it for its location APIs). */
  requiredPrivateInfo?: true;
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
    requiredPrivateInfo: true,
  },
  {
    api: 'saveImageToPhotosAlbum',
    infoType: '相册（仅写入）权限',
    purpose: '用于把缴费凭证图片保存到你的相册',
    feature: '把缴费凭证保存到相册',
    instead: '可以截屏保存本页',
    where: ['client/src/payments/receipt-image/save.ts'],
  },
  {
    // 慧眼's FaceID SDK (added when the mini-program is set up for release, README 社保查询) films
    // the face with <camera> inside our package: declared now so that adding it breaks nothing.
    api: 'startVerify',
    infoType: '摄像头',
    purpose: '用于查询社保前的人脸核身（由腾讯云人脸核身完成，照片和视频不交给便民）',
    feature: '人脸认证',
    instead: '可以到社保经办窗口查询',
    where: ['client/src/insurance/shared/face-step.ts'],
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

/** app.json `requiredPrivateInfos`: the declared location APIs. */
export const REQUIRED_PRIVATE_INFOS: string[] = PRIVACY_USES.filter((u) => u.requiredPrivateInfo).map((u) => u.api);
