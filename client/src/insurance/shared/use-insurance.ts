import { useCallback, useRef } from 'react';
import Taro from '@tarojs/taro';
import type { ApiError } from '../../api';
import { useRemote, type Remote } from '../../hooks/use-remote';
import { type VerifyReason, verifyUrl } from '../flow';

/** Leaves a data page for the verify step, which comes back here once the face check passed. */
function toVerify(returnTo: string, reason: VerifyReason): void {
  void Taro.redirectTo({ url: verifyUrl(returnTo, reason) });
}

/**
 * A data page's request (summary, records, access log): useRemote, plus the answer every such
 * page turns into something else — VERIFICATION_REQUIRED (none yet, or its 30 minutes are over)
 * becomes the verify step, which comes back to `returnTo`. A refusal for the hours or a
 * department that is down is the page's own closed state (why, until when, 查看办理时间), not a
 * sheet on top of it: the resident who tapped 仍要进入 on the hub's sheet has read that sheet.
 */
export function useInsuranceRemote<T>(fetcher: () => Promise<T>, opts: { key?: string; returnTo: string }): Remote<T> {
  const returnTo = useRef(opts.returnTo);
  returnTo.current = opts.returnTo;
  const onError = useCallback((e: ApiError) => {
    // The server says which: there was one and its 30 minutes ran out, or there is none.
    if (e.code === 'VERIFICATION_REQUIRED') toVerify(returnTo.current, e.reason === 'verification_expired' ? 'expired' : 'required');
  }, []);
  return useRemote(fetcher, { key: opts.key, onError });
}
