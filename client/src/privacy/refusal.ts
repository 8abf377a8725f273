import { privacyUse, type PrivacyUse } from './info-types';

/**
 * What a failed call of a privacy API means, said to the resident. WeChat fails such a call for
 * reasons that are not the resident cancelling, and each needs its own words:
 *  - `privacy` — the resident did not agree to the privacy guide (errno 104, "privacy permission
 *    is not authorized"): nothing else is wrong; tapping again brings the guide back;
 *  - `undeclared` — this build's guide does not declare the information type (errno 112, "api
 *    scope is not declared in the privacy agreement"): our mistake, not the resident's;
 *  - `denied` — the resident (or the phone) refused the permission itself (errno 103 "auth deny",
 *    "system permission denied"): WeChat does not ask twice, its settings page is the way back;
 *  - `cancelled` — the resident closed the picker: nothing to say;
 *  - `failed` — anything else.
 */
export type WxFailure =
  | { kind: 'cancelled' }
  | { kind: 'privacy' | 'undeclared' | 'failed'; message: string }
  | { kind: 'denied'; message: string; settings: 'mini-program' | 'phone' };

export const errMsgOf = (e: unknown): string => String((e as { errMsg?: unknown })?.errMsg ?? (e instanceof Error ? e.message : e));
const errnoOf = (e: unknown): number | undefined => {
  const n = (e as { errno?: unknown })?.errno;
  return typeof n === 'number' ? n : undefined;
};

/** The WeChat-shaped error of a call the resident refused in the consent sheet (the h5 stand-in throws it too). */
export function privacyRefusedError(api: string): { errMsg: string; errno: number } {
  return { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 };
}

/**
 * What failed, in the resident's words, for a call of `api` (a key of PRIVACY_USES). `say`: the
 * page's own words for what it was doing, when the API serves several features (chooseMedia:
 * a ticket's photos, a vehicle licence).
 */
export function wxFailure(e: unknown, api: string, say?: Pick<PrivacyUse, 'feature' | 'instead'>): WxFailure {
  const declared = privacyUse(api);
  const use: Pick<PrivacyUse, 'feature' | 'instead' | 'infoType'> = { feature: '这项功能', instead: '', infoType: '选中的照片或视频信息', ...declared, ...say };
  const m = errMsgOf(e);
  const errno = errnoOf(e);
  const instead = use.instead ? `${use.instead}。` : '';
  if (errno === 104 || /privacy permission/i.test(m)) {
    return { kind: 'privacy', message: `你没有同意《便民隐私保护指引》，所以${use.feature}用不了，其他功能照常可用。想用时再点一次，在弹出的指引里选“同意”。${instead}` };
  }
  if (errno === 112 || /not declared in the privacy agreement/i.test(m)) {
    return { kind: 'undeclared', message: `这个版本的便民还不能${use.feature}：微信要求先在隐私保护指引里登记“${use.infoType}”，我们会尽快补上，这不是你的设置问题。${instead}` };
  }
  if (/system permission|no permission|permission denied/i.test(m)) {
    return { kind: 'denied', settings: 'phone', message: `微信没有使用相机、相册或位置的系统权限，${use.feature}用不了。请在手机的“设置 → 微信”里打开对应权限后再试。${instead}` };
  }
  if (errno === 103 || /auth den|authorize|auth fail/i.test(m)) {
    return { kind: 'denied', settings: 'mini-program', message: `你之前没有允许便民使用这项权限，所以${use.feature}用不了。点“去设置”打开对应权限后再试一次。${instead}` };
  }
  if (/cancel|abort/i.test(m)) return { kind: 'cancelled' };
  return { kind: 'failed', message: `${use.feature}没有成功，请再试一次。${instead}` };
}
