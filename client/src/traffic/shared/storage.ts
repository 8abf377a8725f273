import Taro from '@tarojs/taro';
import { callFunction } from '../../api';

/**
 * weapp: the photo goes to CloudBase storage with `wx.cloud.uploadFile`, into the caller's own
 * folder (`uploads/<openid>/`, the only place the functions read a resident's file from). The
 * phone does not know its openid, so the traffic function names the folder.
 * h5 has storage.h5.ts (the local gateway's upload route).
 */
export async function uploadPhoto(tempFilePath: string): Promise<string> {
  const { folder } = await callFunction('traffic', { action: 'uploadFolder' });
  const ext = /\.(jpe?g|png|webp)$/i.exec(tempFilePath)?.[1]?.toLowerCase() ?? 'jpg';
  const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}licence-${Date.now().toString(36)}.${ext}`, filePath: tempFilePath });
  return res.fileID;
}
