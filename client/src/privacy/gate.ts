/**
 * weapp: a privacy API call runs as it is. WeChat itself holds it until the resident has agreed
 * to the privacy guide (./register.ts → the consent sheet) and fails it with errno 104 after a
 * refusal. h5 takes gate.h5.ts, which asks first.
 */
export function withConsent<T>(_api: string, call: () => Promise<T>): Promise<T> {
  return call();
}
