// CloudBase entry for the `insurance` function: real-name verification and social insurance records.
import { tencentFaceVerifier } from '@bianmin/server/faceid/tencent';
import { cloudbaseEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { insuranceFunction } from './service';

// Only this bundle carries the FaceID client: other functions never load a Tencent Cloud service.
export const main = cloudbaseEntry(deployment, insuranceFunction, (config, log) => ({
  realName:
    config.tencentCloud && config.faceId && config.insuranceIdHashKey
      ? { face: tencentFaceVerifier(config.tencentCloud, { ...config.faceId, log }), idHashKey: config.insuranceIdHashKey }
      : undefined,
}));
