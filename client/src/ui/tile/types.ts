import type { ReactNode } from 'react';

export interface TileProps {
  /** One character drawn in a coloured square: no image files, and it reads at any size. */
  glyph: string;
  /** The square's colour: a `--bm-tone-<tone>` token. */
  tone: string;
  title: string;
  subtitle?: string;
  /** The live status line under the name (a badge, or 即将上线). */
  status?: ReactNode;
  /** The whole tile's accessible name: name, department and status in words. */
  label: string;
  onPress(): void;
  className?: string;
  data?: Record<`data-${string}`, string>;
}
