import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the few values a face check must keep and a copy of the database must not
 * reveal (WeChat's cert_hash is SHA-256 over the name and ID number without a key: an ID number
 * has few enough possible values to be found from it). The key is derived from
 * INSURANCE_ID_HASH_KEY, so there is no second secret to configure.
 */
const VERSION = 'v1';

function keyOf(idHashKey: string): Buffer {
  return createHmac('sha256', idHashKey).update('face-provider-secret:v1').digest();
}

export function seal(idHashKey: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(idHashKey), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The sealed value, or an error when it was not sealed with this key (or was altered). */
export function unseal(idHashKey: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(idHashKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
