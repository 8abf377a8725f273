import Taro from '@tarojs/taro';
import { withConsent } from '../../privacy/gate';
import { type WxFailure, wxFailure } from '../../privacy/refusal';

/** A chosen photo or video on the phone, ready to upload. */
export interface PickedFile {
  path: string;
  /** Videos: the length WeChat measured (the function measures it again from the file). */
  seconds?: number;
}

export type Picked = { kind: 'picked'; files: PickedFile[] } | WxFailure;

/** This page's words for a refusal (chooseMedia serves the traffic flow's licence photo too). */
const SAY = { feature: '添加照片和视频', instead: '不附照片也能提交诉求' };

/**
 * Photos and videos for a ticket through `chooseMedia` (chooseImage and chooseVideo are
 * deprecated; taro-h5 implements chooseMedia with the browser's file picker). A refusal — the
 * privacy guide not agreed, the camera or album not allowed — comes back as what it is, for the
 * page to say; only the resident's own cancel is silent.
 */
export async function pickPhotos(count: number): Promise<Picked> {
  try {
    const r = await withConsent('chooseMedia', () => Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] }));
    return { kind: 'picked', files: r.tempFiles.map((f) => ({ path: f.tempFilePath })) };
  } catch (e) {
    return wxFailure(e, 'chooseMedia', SAY);
  }
}

export async function pickVideo(maxSeconds: number): Promise<Picked> {
  try {
    const r = await withConsent('chooseMedia', () => Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: maxSeconds, camera: 'back' }));
    return { kind: 'picked', files: r.tempFiles.map((f) => ({ path: f.tempFilePath, seconds: f.duration })) };
  } catch (e) {
    return wxFailure(e, 'chooseMedia', SAY);
  }
}
