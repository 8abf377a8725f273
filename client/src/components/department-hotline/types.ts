import type { Hotline } from '@bianmin/core/hotlines';

export interface DepartmentHotlineProps {
  hotline: Hotline;
  className?: string;
}

/** '95598' → '9 5 5 9 8': a screen reader says the digits, not "ninety-five thousand…". */
export function spokenDigits(number: string): string {
  return number.replace(/-/g, '').split('').join(' ');
}

export function hotlineLabel(h: Hotline): string {
  return `拨打${h.name} ${spokenDigits(h.number)}`;
}
