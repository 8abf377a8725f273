import type { FaceMethod } from '@bianmin/core';

/**
 * Face verification (实名核身): proves that the person holding the phone is the person whose name
 * and ID number were given. The resident's device only shows the check; the result is always read
 * by the server from the provider, never taken from the client.
 */
export type FaceResult =
  | { state: 'pending' }
  /**
   * The provider's own reading of who was verified, compared with what was asked — or `as_asked`
   * when the provider binds the check to the identity we sent it (WeChat: `queryVerifyInfo`
   * answers only for the `cert_hash` of the identity given to `getVerifyId`).
   */
  | { state: 'passed'; verified: { idNumber: string; name: string } | 'as_asked' }
  | { state: 'failed'; code: string; reason: FaceFailure }
  | { state: 'abandoned' }
  | { state: 'expired' };

/** Why a check failed, in the terms a resident can act on. */
export type FaceFailure = 'identity_mismatch' | 'face_mismatch' | 'liveness' | 'no_identity_record' | 'device' | 'other';

export interface FaceStartInput {
  /** Ours, unique per check, 32 characters of [0-9a-f] (WeChat's out_seq_no). */
  reference: string;
  /** The resident the check is for: WeChat binds the check to this openid. */
  openid: string;
  idNumber: string;
  name: string;
  /** Which of our services asks (FaceID's Extra). */
  extra: string;
}

export interface FaceStarted {
  /** The provider's id of the check: FaceID's BizToken, WeChat's verify_id. */
  session: string;
  /** The page the resident opens (FaceID h5); absent when the app runs the check itself (WeChat). */
  url?: string;
  /**
   * What the provider needs again to read the result and that must not be kept in the clear
   * (WeChat's cert_hash: an unkeyed hash of the ID number). The caller stores it sealed.
   */
  secret?: string;
}

export interface FaceCheck {
  session: string;
  reference: string;
  openid: string;
  secret?: string;
}

export interface FaceVerifier {
  readonly method: FaceMethod;
  start(input: FaceStartInput): Promise<FaceStarted>;
  /** What the provider says about a check now. */
  result(check: FaceCheck): Promise<FaceResult>;
}

/** What real-name verification needs from the wiring. */
export interface RealNameDeps {
  /** The configured providers; a method without one is refused with a clear message. */
  providers: Partial<Record<FaceMethod, FaceVerifier>>;
  /**
   * HMAC key for ID numbers at rest (INSURANCE_ID_HASH_KEY): the database can recognise a person
   * again but a copy of it cannot be reversed, nor the hashes recomputed, without the key. The
   * providers' secrets are sealed with a key derived from it (seal.ts).
   */
  idHashKey: string;
}
