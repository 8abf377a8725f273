import type { Provider } from '@bianmin/core';

export interface DepartmentHotlineProps {
  provider: Provider;
  className?: string;
}

/** '95598' → '9 5 5 9 8': a screen reader says the digits, not "ninety-five thousand…". */
export function spokenDigits(number: string): string {
  return number.replace(/-/g, '').split('').join(' ');
}

export function hotlineLabel(p: Provider): string {
  return `拨打${p.hotline.name} ${spokenDigits(p.hotline.number)}`;
}
