/**
 * Face verification (实名核身): proves that the person holding the phone is the person whose name
 * and ID number were given. The resident's device only shows the check; the result is always read
 * by the server from the provider, never taken from the client.
 */
export type FaceResult =
  | { state: 'pending' }
  /** The provider's own reading of who was verified: compared with what was asked. */
  | { state: 'passed'; idNumber: string; name: string }
  | { state: 'failed'; code: string; reason: FaceFailure }
  | { state: 'abandoned' }
  | { state: 'expired' };

/** Why a check failed, in the terms a resident can act on. */
export type FaceFailure = 'identity_mismatch' | 'face_mismatch' | 'liveness' | 'no_identity_record' | 'other';

export interface FaceVerifier {
  /** Starts a check for this person; `url` is the page the resident opens (h5; weapp uses the token). */
  start(input: { idNumber: string; name: string; extra: string }): Promise<{ bizToken: string; url: string }>;
  /** What the provider says about a check now. */
  result(bizToken: string): Promise<FaceResult>;
}

/** What real-name verification needs from the wiring. */
export interface RealNameDeps {
  face: FaceVerifier;
  /**
   * HMAC key for ID numbers at rest (INSURANCE_ID_HASH_KEY): the database can recognise a person
   * again but a copy of it cannot be reversed, nor the hashes recomputed, without the key.
   */
  idHashKey: string;
}
