import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons beside the title (the hub's 消息 and 大字模式). */
  actions?: ReactNode;
  /** Anything under the subtitle (the h5 demo panel). */
  children?: ReactNode;
  /**
   * h5 only: a 返回 control above the title. weapp has the native bar's back arrow, and a
   * browser has no such bar. @default true
   */
  back?: boolean;
  className?: string;
}
