import Taro from '@tarojs/taro';
import { withConsent } from '../../privacy/gate';
import { type WxFailure, wxFailure } from '../../privacy/refusal';

/**
 * The camera or the album, one photo of the vehicle licence (`chooseMedia`, on weapp and in
 * taro-h5, where it is the browser's file picker). A refusal comes back as what it is, for the
 * page to say; only the resident's own cancel is silent.
 */
export async function pickPhoto(): Promise<{ kind: 'picked'; path: string } | WxFailure> {
  try {
    const r = await withConsent('chooseMedia', () => Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] }));
    const path = r.tempFiles[0]?.tempFilePath;
    return path ? { kind: 'picked', path } : { kind: 'cancelled' };
  } catch (e) {
    return wxFailure(e, 'chooseMedia', { feature: '拍行驶证识别车辆', instead: '可以手动填写号牌和发动机号' });
  }
}
