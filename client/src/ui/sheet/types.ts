import type { ReactNode } from 'react';

export interface SheetProps {
  visible: boolean;
  /** Heading of the sheet; also its accessible name unless `label` is given. */
  title: string;
  label?: string;
  /** A tag above the title (e.g. 沙箱支付), so what kind of sheet this is cannot be missed. */
  tag?: ReactNode;
  /** Class of the dialog element itself. */
  className?: string;
  /** Tapping the mask, ✕ or Escape. Not offered while `busy`: a half-sent payment must not be dismissed. */
  onClose(): void;
  busy?: boolean;
  /**
   * Small print that goes with the buttons (what the amount rests on): between the scrolling
   * body and the buttons, always in view. In the body it was scrolled out of sight, cut at the
   * body's edge, once large font made the rows taller than the sheet.
   */
  footnote?: ReactNode;
  /** Buttons at the foot, outside the scrolling body. */
  actions?: ReactNode;
  /**
   * A payment's sheet: the main button above the others, and the foot kept clear where the
   * page's own pay button was, so the second tap of a double tap lands on nothing (the sheet
   * also ignores taps for its first 500 ms).
   */
  stacked?: boolean;
  children?: ReactNode;
  /** Extra attributes for the dialog element (`data-service-id` …). */
  data?: Record<`data-${string}`, string>;
}
