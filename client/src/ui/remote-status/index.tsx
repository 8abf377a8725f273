import { StateView } from '../state-view';
import type { RemoteStatusProps } from './types';

export type { RemoteLike, RemoteStatusProps } from './types';

/**
 * The failure rule, said once for every page: nothing yet → the loading placeholder; the first
 * load failed → the error and a retry; a refresh failed → the last data stays (the page renders
 * it) under a note that says the refresh failed and what time the data is from.
 */
export function RemoteStatus({ remote, prefix, errorTitle, loading }: RemoteStatusProps) {
  const retry = () => void remote.reload();
  if (remote.data == null && remote.error) {
    return <StateView kind='error' prefix={prefix} title={errorTitle} message={remote.error.message} retrying={remote.loading} onRetry={retry} />;
  }
  if (remote.data == null) return <StateView kind='loading' {...loading} />;
  if (remote.error) {
    return <StateView kind='stale' prefix={prefix} since={remote.asOf?.slice(11, 16) ?? null} message={remote.error.message} retrying={remote.loading} onRetry={retry} />;
  }
  return null;
}
