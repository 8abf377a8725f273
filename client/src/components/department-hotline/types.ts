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
  // The visible words first (WCAG 2.5.3: 拨打 95598 is what a voice user says), then whose line it is.
  return `拨打 ${spokenDigits(h.number)}，${h.name}`;
}
