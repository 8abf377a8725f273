/**
 * The utilities' own customer-service lines, shown (and dialled with a tap) on every bills
 * failure page and in the availability sheet while a utility is down: when we cannot reach the
 * company, the resident still can. Apart from providers.ts so that the hub's sheet (main
 * package) carries these few strings and not the providers' table. `number` as printed, `tel`
 * digits only.
 */
export interface Hotline {
  name: string;
  number: string;
  tel: string;
}

export const UTILITY_HOTLINES = {
  water: { name: '自来水公司客服热线', number: '0755-82137777', tel: '075582137777' },
  // State Grid's national service line, the same in every city.
  electricity: { name: '国家电网供电服务热线', number: '95598', tel: '95598' },
  gas: { name: '燃气集团客服热线', number: '0755-83601111', tel: '075583601111' },
} as const satisfies Record<'water' | 'electricity' | 'gas', Hotline>;

/** The hotline of the utility behind a bills service (`bills.electricity.pay` → 95598), if it is one. */
export function hotlineForService(serviceId: string): Hotline | undefined {
  const kind = /^bills\.(water|electricity|gas)\./.exec(serviceId)?.[1] as keyof typeof UTILITY_HOTLINES | undefined;
  return kind ? UTILITY_HOTLINES[kind] : undefined;
}
