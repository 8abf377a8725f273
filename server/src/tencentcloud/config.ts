/**
 * Tencent Cloud API access (OCR, FaceID, later SMS) for the SDK clients that the ports wrap.
 * Deployed, the keys come from configuration or the function's role (CloudBase puts a role's
 * temporary keys in TENCENTCLOUD_SECRETID / _SECRETKEY / _SESSIONTOKEN); locally they are the
 * sandbox's, and `endpoint` points every service at it.
 */
export interface TencentCloudConfig {
  secretId: string;
  secretKey: string;
  /** Temporary credentials from the function's role carry a token. */
  sessionToken?: string;
  /** @default 'ap-guangzhou' */
  region: string;
  /** `host:port` that replaces `<service>.tencentcloudapi.com` (the local sandbox). */
  endpoint?: string;
  /** @default 'https://' */
  protocol?: 'http://' | 'https://';
}

/** The part of the SDK's ClientConfig we set; typed here so that no SDK type leaks into ports. */
export interface SdkClientConfig {
  credential: { secretId: string; secretKey: string; token?: string };
  region: string;
  profile: { httpProfile: { endpoint?: string; protocol?: string; reqTimeout: number } };
}

/**
 * Builds the ClientConfig for one service's client (`new ocr.v20181119.Client(sdkClientConfig(cfg))`).
 * `timeoutSeconds` stays below the function's timeout: a slow Tencent Cloud API must fail the call,
 * not the function.
 */
export function sdkClientConfig(cfg: TencentCloudConfig, timeoutSeconds = 8): SdkClientConfig {
  return {
    credential: { secretId: cfg.secretId, secretKey: cfg.secretKey, ...(cfg.sessionToken ? { token: cfg.sessionToken } : {}) },
    region: cfg.region,
    profile: {
      httpProfile: {
        ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
        ...(cfg.protocol ? { protocol: cfg.protocol } : {}),
        reqTimeout: timeoutSeconds,
      },
    },
  };
}
