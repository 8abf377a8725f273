export interface RemoteLike {
  data: unknown;
  error: { message: string } | null;
  loading: boolean;
  /** When the data is from (ISO 8601 with +08:00). */
  asOf: string | null;
  reload(): unknown;
}

export interface RemoteStatusProps {
  /** A `useRemote` answer (hooks/use-remote). */
  remote: RemoteLike;
  /** Class-name prefix of the page: `<prefix>-error` / `<prefix>-retry` (browser tests' hooks). */
  prefix: string;
  /** Said when the first load failed: "缴费记录暂时打不开". */
  errorTitle: string;
  /** The placeholder while nothing has arrived yet. */
  loading: { label: string; shape?: 'tiles' | 'cards'; count?: number; className?: string };
}
