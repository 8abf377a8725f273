import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useUnload } from '@tarojs/taro';
import { toShanghaiIso } from '@bianmin/core/time';
import { toApiError, type ApiError } from '../api';

export interface RemoteOptions<T> {
  /** Fetch again from scratch when this changes (an effect's dependencies, as one string). */
  key?: string;
  /** While false nothing is fetched (a closed sheet) and answers still on their way are dropped. @default true */
  enabled?: boolean;
  /**
   * After each answer or failure: milliseconds until the next refresh while the page is shown,
   * or null for none. Stops when the page is hidden or closed; starts again when it is shown.
   */
  refreshMs?: number | ((data: T | null, error: ApiError | null) => number | null);
  /** The moment the data describes (the server's `now`); by default when it arrived. */
  asOf?(data: T): string | undefined;
  /** Sees every failure first, e.g. to open the availability sheet for a refused call. */
  onError?(error: ApiError): void;
  /** Pull-to-refresh reloads it (the page's config must enable pull-down). @default true */
  pullDown?: boolean;
}

export interface Remote<T> {
  /** The last data that arrived: kept when a refresh fails. */
  data: T | null;
  /** The last failure, cleared by the next success. With `data` it means the refresh failed. */
  error: ApiError | null;
  /** A request is on its way (first load or refresh). */
  loading: boolean;
  /** When the data is from (ISO 8601), to say so when a refresh failed. */
  asOf: string | null;
  /** Fetch now; a newer call wins over any still on its way. */
  reload(): Promise<void>;
  /** Change the data in place (an optimistic update) without fetching. */
  update(change: (data: T) => T): void;
}

interface State<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  asOf: string | null;
}

/** The loads one pull-down started, every useRemote of the page joining in (null between pulls). */
let pulled: Array<Promise<void>> | null = null;

/**
 * A page's useRemote hooks all hear one pull-down (the hub's services and its unread count): the
 * indicator stops once, when the last of their loads has settled, not when the first one has. The
 * page calls its handlers one after another in one go, so a batch is what joins before a microtask.
 */
function joinPullDown(loading: Promise<void>): void {
  if (!pulled) {
    const batch: Array<Promise<void>> = [];
    pulled = batch;
    void Promise.resolve()
      .then(() => {
        pulled = null;
        return Promise.allSettled(batch);
      })
      .then(() => Taro.stopPullDownRefresh());
  }
  pulled.push(loading);
}

/**
 * A page's request state, written once: loads when the page mounts and whenever it is shown
 * again, refreshes on a timer that stops while the page is hidden, follows pull-to-refresh, lets
 * only the newest answer land, and on a failed refresh keeps the last data and says so.
 * The page renders `data` / `error` / `loading`; it never fetches by itself.
 */
export function useRemote<T>(fetcher: () => Promise<T>, options: RemoteOptions<T> = {}): Remote<T> {
  const { key = '', enabled = true, pullDown = true } = options;
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: enabled, asOf: null });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hidden = useRef(false);
  const alive = useRef(true);
  // The newest fetcher and options, so the callbacks below never run a stale closure.
  const current = useRef({ fetcher, options, enabled });
  current.current = { fetcher, options, enabled };

  const stopTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const load = useCallback(async (): Promise<void> => {
    const id = ++latest.current; // only the newest answer may land
    stopTimer();
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    let data: T | null = null;
    let error: ApiError | null = null;
    try {
      data = await current.current.fetcher();
    } catch (e) {
      error = toApiError(e);
    }
    if (id !== latest.current || !alive.current) return;
    const { options: opts } = current.current;
    if (error) {
      opts.onError?.(error);
      const failed = error;
      setState((s) => ({ ...s, error: failed, loading: false }));
    } else {
      const arrived = data as T;
      setState({ data: arrived, error: null, loading: false, asOf: opts.asOf?.(arrived) ?? toShanghaiIso(new Date()) });
    }
    const delay = typeof opts.refreshMs === 'function' ? opts.refreshMs(data, error) : opts.refreshMs;
    if (delay != null && !hidden.current && current.current.enabled) timer.current = setTimeout(() => void load(), delay);
  }, [stopTimer]);

  useEffect(() => {
    if (enabled) void load();
    else {
      latest.current++; // an answer still on its way must not land in a closed view
      stopTimer();
      setState((s) => (s.loading ? { ...s, loading: false } : s));
    }
  }, [key, enabled, load, stopTimer]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      stopTimer();
    };
  }, [stopTimer]);

  // The first show is the mount above; load again only when the page comes back.
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    if (current.current.enabled) void load();
  });
  useDidHide(() => {
    hidden.current = true;
    stopTimer();
  });
  useUnload(() => {
    alive.current = false;
    stopTimer();
  });
  usePullDownRefresh(() => {
    if (!pullDown || !current.current.enabled) return;
    joinPullDown(load());
  });

  const update = useCallback((change: (data: T) => T) => {
    setState((s) => (s.data === null ? s : { ...s, data: change(s.data) }));
  }, []);

  return { ...state, reload: load, update };
}
