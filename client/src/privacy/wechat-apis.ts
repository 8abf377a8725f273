/**
 * WeChat's own table of privacy APIs, for the checks (info-types.test.ts, scripts/check-weapp.mjs)
 * and app.config.ts; the app's code imports none of it, so none of it ships. What the app
 * declares is ./info-types.ts. Import-free: scripts/check-weapp.mjs evaluates it.
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

/** The location APIs WeChat wants listed in app.json `requiredPrivateInfos` as well (its 地理位置接口 rule). */
export const LOCATION_APIS = ['getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange', 'chooseLocation', 'choosePoi', 'chooseAddress'] as const;
export type LocationApi = (typeof LOCATION_APIS)[number];
