import { useCallback, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api';
import { useRemote, type Remote } from '../../hooks/use-remote';
import { useRefusal } from '../../components/availability-sheet/use-refusal';
import { toVerify } from './nav';

/**
 * A data page's request (summary, records, access log): useRemote, plus the two answers every
 * such page turns into something else — VERIFICATION_REQUIRED (none yet, or its 30 minutes are
 * over) becomes the verify step, which comes back to `returnTo`; a refusal for the hours or a
 * department that is down opens the availability sheet (why, and when it reopens).
 */
export function useInsuranceRemote<T>(fetcher: () => Promise<T>, opts: { key?: string; returnTo: string }): { remote: Remote<T>; refusalSheet: ReactNode } {
  const refusal = useRefusal();
  const returnTo = useRef(opts.returnTo);
  returnTo.current = opts.returnTo;
  const onError = useCallback(
    (e: ApiError) => {
      if (e.code === 'VERIFICATION_REQUIRED') {
        // The server says which: there was one and its 30 minutes ran out, or there is none.
        toVerify(returnTo.current, e.reason === 'verification_expired' ? 'expired' : 'required');
        return;
      }
      refusal.handle(e);
    },
    [refusal],
  );
  const remote = useRemote(fetcher, { key: opts.key, onError });
  return { remote, refusalSheet: refusal.sheet };
}
