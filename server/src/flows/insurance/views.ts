import { type FaceMethod, toShanghaiIso, VERIFICATION_TTL_MINUTES, type VerificationStatus, type VerificationView } from '@bianmin/core';
import type { insuranceVerifications } from '../../db/schema';
import type { FaceFailure } from '../../faceid/port';

/** How the insurance flow presents its verifications to a resident (the bureau's records are shown as it answers them). */

/** What a resident is told when the face check did not pass, by why. */
export const FAILURE_MESSAGES: Record<FaceFailure, string> = {
  identity_mismatch: '姓名与身份证号不匹配，请核对后重新认证。',
  face_mismatch: '人脸与身份证照片不一致，无法确认是本人操作，未能通过认证。',
  liveness: '未能完成活体检测，请在光线充足处正对屏幕，按提示重新认证。',
  no_identity_record: '未查询到该身份信息的照片，暂时无法通过人脸认证，请到社保窗口办理。',
  device: '这台手机暂时无法完成人脸核身：请允许微信使用相机和麦克风后重新认证，或换一台手机。',
  other: '人脸认证未通过，请稍后重新认证。',
};

const END_MESSAGES: Partial<Record<VerificationStatus, string>> = {
  abandoned: '您已退出人脸认证，如需查看社保信息请重新认证。',
  expired: '认证已过期，请重新认证。',
};

/** The state a resident sees: a passed verification whose 30 minutes are over reads as expired. */
export function verificationView(r: typeof insuranceVerifications.$inferSelect, now: Date): VerificationView {
  const accessOver = r.status === 'passed' && r.accessExpiresAt !== null && r.accessExpiresAt <= now;
  const status = (accessOver ? 'expired' : r.status) as VerificationStatus;
  const expiresAt = r.status === 'passed' && r.accessExpiresAt ? r.accessExpiresAt : r.linkExpiresAt;
  const message = accessOver
    ? `认证已超过 ${VERIFICATION_TTL_MINUTES} 分钟，为保护您的信息，请重新认证。`
    : r.status === 'failed'
      ? (r.failureMessage ?? FAILURE_MESSAGES.other)
      : END_MESSAGES[status];
  return {
    verificationId: r.id,
    method: r.method as FaceMethod,
    status,
    nameMasked: r.nameMasked,
    idNumberMasked: r.idMasked,
    createdAt: toShanghaiIso(r.createdAt),
    expiresAt: toShanghaiIso(expiresAt),
    ...(r.decidedAt ? { decidedAt: toShanghaiIso(r.decidedAt) } : {}),
    ...(message ? { message } : {}),
  };
}
