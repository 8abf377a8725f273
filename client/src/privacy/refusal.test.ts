import { privacyRefusedError, wxFailure } from './refusal';

describe('a failed privacy API call, in the resident’s words', () => {
  it('says the privacy guide was not agreed (errno 104), what does not work, that all else does, and how to agree later', () => {
    const f = wxFailure({ errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 }, 'chooseMedia');
    expect(f).toEqual({ kind: 'privacy', message: expect.stringContaining('你没有同意《便民隐私保护指引》，所以添加照片和视频、拍行驶证识别车辆用不了，其他功能照常可用') });
    expect(f.kind !== 'cancelled' && f.message).toMatch(/再点一次，在弹出的指引里选“同意”。也可以不附照片直接提交诉求/);
    // WeChat's own spelling mistake in some base libraries, and the errno alone.
    expect(wxFailure({ errMsg: 'chooseMedia:fail privacy permission is not authroized' }, 'chooseMedia').kind).toBe('privacy');
    expect(wxFailure({ errMsg: 'chooseMedia:fail', errno: 104 }, 'chooseMedia').kind).toBe('privacy');
    expect(wxFailure(privacyRefusedError('chooseLocation'), 'chooseLocation')).toEqual({ kind: 'privacy', message: expect.stringContaining('在地图上选择地点用不了') });
  });

  it('calls an undeclared information type (errno 112) our mistake, naming the type, not the resident’s', () => {
    expect(wxFailure({ errMsg: 'chooseLocation:fail api scope is not declared in the privacy agreement', errno: 112 }, 'chooseLocation')).toEqual({
      kind: 'undeclared',
      message: '这个版本的便民还不能在地图上选择地点：微信要求先在隐私保护指引里登记“选择的位置信息”，我们会尽快补上，这不是你的设置问题。可以直接输入地点。',
    });
  });

  it('sends a refused mini-program permission to WeChat’s settings page, and a phone-level one to the phone’s settings', () => {
    expect(wxFailure({ errMsg: 'saveImageToPhotosAlbum:fail auth deny', errno: 103 }, 'saveImageToPhotosAlbum')).toEqual({ kind: 'denied', settings: 'mini-program', message: expect.stringContaining('点“去设置”') });
    expect(wxFailure({ errMsg: 'chooseMedia:fail authorize no response' }, 'chooseMedia')).toMatchObject({ kind: 'denied', settings: 'mini-program' });
    expect(wxFailure({ errMsg: 'chooseMedia:fail system permission denied' }, 'chooseMedia')).toEqual({ kind: 'denied', settings: 'phone', message: expect.stringContaining('设置 → 微信') });
  });

  it('stays silent for the resident’s own cancel (WeChat’s and the browser picker’s), and calls anything else a failure with a way out', () => {
    expect(wxFailure({ errMsg: 'chooseMedia:fail cancel' }, 'chooseMedia')).toEqual({ kind: 'cancelled' });
    expect(wxFailure({ errMsg: 'cancel' }, 'chooseMedia')).toEqual({ kind: 'cancelled' });
    expect(wxFailure(new Error('boom'), 'saveImageToPhotosAlbum')).toEqual({ kind: 'failed', message: '把缴费凭证保存到相册没有成功，请再试一次。可以截屏保存本页。' });
  });

  it('has WeChat’s shape for the refusal the h5 stand-in throws', () => {
    expect(privacyRefusedError('chooseMedia')).toEqual({ errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 });
  });
});

it('takes the page’s own words when one API serves several features', () => {
  expect(wxFailure({ errMsg: 'chooseMedia:fail privacy permission is not authorized' }, 'chooseMedia', { feature: '拍行驶证识别车辆', instead: '可以手动填写号牌和发动机号' })).toEqual({
    kind: 'privacy',
    message: '你没有同意《便民隐私保护指引》，所以拍行驶证识别车辆用不了，其他功能照常可用。想用时再点一次，在弹出的指引里选“同意”。可以手动填写号牌和发动机号。',
  });
});
