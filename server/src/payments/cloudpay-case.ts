/**
 * How wx-server-sdk's cloudPay hands arguments to WeChat Pay and answers back (its
 * `convertCase`, read in wx-server-sdk 4.0.2): every key is turned camelCase → snake_case before
 * the call (`subMchId` → `sub_mch_id`; a snake_case key passes unchanged), and the answer
 * snake_case → camelCase (`trade_state` → `tradeState`), after which the SDK sets its own
 * `errCode: 0` and `errMsg: 'cloudPay.<api>:ok'` — over WeChat Pay's `err_code`, which is lost:
 * a business refusal keeps only its words (`errCodeDes`). The WeChat Pay sandbox speaks through
 * the same conversion, and the provider reads answers in both spellings.
 */
export function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (m, i: number) => `${i ? '_' : ''}${m.toLowerCase()}`);
}

export function camelKey(key: string): string {
  return key.replace(/_[a-z]/g, (m) => m[1].toUpperCase());
}

function convert(value: unknown, key: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => convert(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [key(k), convert(v, key)]));
  return value;
}

/** The arguments as WeChat Pay receives them. */
export const toWeChat = (args: Record<string, unknown>) => convert(args, snakeKey) as Record<string, unknown>;

/** WeChat Pay's answer as the SDK returns it. */
export const fromWeChat = (api: string, answer: Record<string, unknown>) => ({ ...(convert(answer, camelKey) as Record<string, unknown>), errCode: 0, errMsg: `cloudPay.${api}:ok` });
