import type { ReactNode } from 'react';

export type StateViewProps =
  /** Nothing to show yet. */
  | { kind: 'loading'; label: string; shape?: 'tiles' | 'cards'; count?: number; className?: string }
  /** Loaded, and there is nothing: say so kindly and offer the one next step. */
  | { kind: 'empty'; icon: string; title: string; text?: string; action?: ReactNode; className?: string }
  /** The first load failed: nothing to show but the failure and a retry. */
  | { kind: 'error'; prefix: string; title: string; message: string; retrying: boolean; onRetry(): void; className?: string }
  /** A refresh failed: the last data stays below, and this says since when it is. */
  | { kind: 'stale'; prefix: string; since: string | null; message: string; retrying: boolean; onRetry(): void; className?: string }
  /** The service is closed: why and until when, with the way to its hours. */
  | { kind: 'closed'; title: string; message: string; action?: ReactNode; className?: string };
