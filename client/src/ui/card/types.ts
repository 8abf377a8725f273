import type { ReactNode } from 'react';

export interface CardProps {
  /** A level-2 heading at the top of the card. */
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}
