import { type Hotline, UTILITY_HOTLINES } from './hotlines';

/**
 * The utilities a household can be bound to, and each one's own account-number format — checked
 * on the phone (with a hint saying where to find the number) and again on the server.
 */
export const UTILITY_KINDS = ['water', 'electricity', 'gas'] as const;
export type UtilityKind = (typeof UTILITY_KINDS)[number];
/** Each utility's provider, which is also its department (`DEPARTMENT_IDS`). */
export const PROVIDER_IDS = ['water', 'power', 'gas'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface Provider {
  id: ProviderId;
  kind: UtilityKind;
  name: string;
  kindName: string;
  unit: 'm³' | 'kWh';
  accountNo: { pattern: string; hint: string; example: string; maxLength: number };
  /** The company's own customer-service line (hotlines.ts). */
  hotline: Hotline;
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'water',
    kind: 'water',
    name: '市自来水公司',
    kindName: '水费',
    unit: 'm³',
    accountNo: { pattern: '^\\d{9}$', hint: '9 位数字，印在水费账单左上角“用户编号”处', example: '310204587', maxLength: 9 },
    hotline: UTILITY_HOTLINES.water,
  },
  {
    id: 'power',
    kind: 'electricity',
    name: '国网市供电公司',
    kindName: '电费',
    unit: 'kWh',
    accountNo: { pattern: '^\\d{13}$', hint: '13 位数字，见电费通知单“户号”或“网上国网”App', example: '0300123456789', maxLength: 13 },
    hotline: UTILITY_HOTLINES.electricity,
  },
  {
    id: 'gas',
    kind: 'gas',
    name: '市燃气集团',
    kindName: '燃气费',
    unit: 'm³',
    accountNo: { pattern: '^[A-Z]{2}\\d{8}$', hint: '2 位大写字母加 8 位数字，如 SZ20481357，见燃气卡或缴费单', example: 'SZ20481357', maxLength: 10 },
    hotline: UTILITY_HOTLINES.gas,
  },
];

export function providerById(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id);
}

export function providerForKind(kind: UtilityKind): Provider {
  return PROVIDERS.find((p) => p.kind === kind)!;
}

/** Null when the number fits the provider's format, otherwise what is wrong, for the field. */
export function accountNoProblem(provider: Provider, accountNo: string): string | null {
  if (new RegExp(provider.accountNo.pattern).test(accountNo)) return null;
  return `${provider.name}户号应为${provider.accountNo.hint.split('，')[0]}，例如 ${provider.accountNo.example}`;
}
