import type { ReactNode } from 'react';

export interface ButtonProps {
  children: ReactNode;
  /** May return a promise: until it settles the button shows as busy and ignores further taps. */
  onPress(): void | Promise<unknown>;
  /** @default 'primary' */
  variant?: 'primary' | 'secondary' | 'plain' | 'danger';
  /** A compact button inside a card; still a 44 px target. */
  small?: boolean;
  /** Busy from outside (a request the page owns): shown as such and taps are ignored. */
  busy?: boolean;
  /**
   * Greyed and announced as unavailable, but still pressable: pressing it explains why (the
   * hours sheet). Its label must then say what it is, never invite a tap ("点按…").
   */
  disabled?: boolean;
  /** Accessible name when the visible text is not enough. */
  label?: string;
  className?: string;
}
