import type { ReactNode } from 'react';

/** closed: a service is paused; warn: it is about to be; stale: old data is shown; error: something failed; info: good to know. */
export type NoticeTone = 'closed' | 'warn' | 'stale' | 'error' | 'info';

export interface NoticeProps {
  tone: NoticeTone;
  title: string;
  children?: ReactNode;
  /** One thing to do about it (a link-like button under the text). */
  action?: ReactNode;
  className?: string;
}
