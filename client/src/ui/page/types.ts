import type { ReactNode } from 'react';

export interface PageProps {
  className?: string;
  children?: ReactNode;
  /**
   * Sheets and dialogs of the page. They render beside the content, not inside it, so that while
   * one is open the content can be hidden from screen readers without hiding the sheet too.
   */
  overlay?: ReactNode;
}
