import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { VerificationView } from '@bianmin/core';
import { callFunction, isApiError, toApiError } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { FACE_CHECK_UNAVAILABLE, FACE_METHOD, faceCheckAvailable, openFaceCheck } from '../../shared/face-step';
import { checkVerifyForm, fieldErrors, type VerifyErrors } from '../../shared/form';
import { clearPending, readPending, writePending } from '../../shared/pending';

/** While the check has no result yet, ask again this often (the server asks WeChat or FaceID each time). */
const POLL_MS = 2500;

export type VerifyStep =
  /** Asking whether a verification is already live. */
  | 'checking'
  /** A live verification exists: go on, or verify again. */
  | 'live'
  | 'form'
  /** The face check is open or just closed: waiting for FaceID's result, through the server. */
  | 'waiting'
  /** Failed, abandoned or expired: why, and a way to try again. */
  | 'failed';

export interface VerifyFlow {
  step: VerifyStep;
  verification: VerificationView | null;
  errors: VerifyErrors;
  /** A refusal that is not about a field (rate limit, FaceID down…), in words for the resident. */
  formError: { title: string; message: string } | null;
  submitting: boolean;
  submit(input: { name: string; idNumber: string }): Promise<void>;
  clearError(field: keyof VerifyErrors): void;
  /** "我已完成" — ask for the result now instead of at the next poll. */
  checkNow(): Promise<void>;
  restart(): void;
  proceed(): void;
}

/**
 * The verify step's state: the form, the face check, and the wait for FaceID's answer, which
 * only the server reads (`insurance.verification`). A passed check goes back to `returnTo`.
 * `handleRefusal` opens the availability sheet for an out-of-hours `verify`.
 */
export function useVerify(opts: { returnTo: string; handleRefusal(e: unknown): boolean; forceForm: boolean }): VerifyFlow {
  const [pending, setPending] = useState(readPending);
  const [step, setStep] = useState<VerifyStep>(pending ? 'waiting' : 'checking');
  const [errors, setErrors] = useState<VerifyErrors>({});
  const [formError, setFormError] = useState<VerifyFlow['formError']>(null);
  const [submitting, setSubmitting] = useState(false);
  const returnTo = pending?.returnTo ?? opts.returnTo;

  // The latest verification (checking), or the one just started (waiting), refreshed while FaceID has no answer.
  const watching = step === 'checking' || step === 'waiting';
  const state = useRemote(
    async () => (await callFunction('insurance', step === 'waiting' && pending ? { action: 'verification', verificationId: pending.verificationId } : { action: 'verification' })).verification,
    {
      key: `${step}:${pending?.verificationId ?? ''}`,
      enabled: watching,
      pullDown: false,
      refreshMs: (v, e) => (step === 'waiting' && (e || v?.status === 'pending') ? POLL_MS : null),
    },
  );
  const verification = state.data ?? null;

  useEffect(() => {
    if (step === 'checking') {
      if (state.loading) return;
      setStep(!state.error && state.data?.status === 'passed' && !opts.forceForm ? 'live' : 'form');
      return;
    }
    if (step !== 'waiting') return;
    if (state.error && isApiError(state.error) && state.error.code === 'NOT_FOUND') {
      // Not this resident's (another demo resident on this phone) or gone: start over.
      clearPending();
      setPending(null);
      setStep('form');
      return;
    }
    const v = state.data;
    // The answer of the check started here, not an older verification still on screen.
    if (!v || v.verificationId !== pending?.verificationId || v.status === 'pending') return;
    clearPending();
    if (v.status === 'passed') {
      void Taro.showToast({ title: '认证通过', icon: 'success' });
      void Taro.redirectTo({ url: returnTo });
    } else setStep('failed');
  }, [step, state.data, state.error, state.loading, returnTo, opts.forceForm, pending]);

  const submit = useCallback(
    async (input: { name: string; idNumber: string }) => {
      if (submitting) return;
      const { value, errors: found } = checkVerifyForm(input, new Date());
      setErrors(found);
      setFormError(null);
      if (found.name || found.idNumber) return;
      if (!faceCheckAvailable()) {
        setFormError(FACE_CHECK_UNAVAILABLE);
        return;
      }
      setSubmitting(true);
      try {
        const started = await callFunction('insurance', { action: 'verify', name: value.name, idNumber: value.idNumber, method: FACE_METHOD });
        const next = { verificationId: started.verificationId, returnTo };
        writePending(next);
        setPending(next);
        setStep('waiting');
        const outcome = await openFaceCheck(started);
        if (outcome === 'returned') void state.reload();
      } catch (e) {
        if (opts.handleRefusal(e)) return;
        const err = toApiError(e);
        const fields = fieldErrors(err.fields);
        if (err.code === 'INVALID_INPUT' && (fields.name || fields.idNumber)) setErrors(fields);
        else if (err.code === 'RATE_LIMITED') setFormError({ title: '认证次数过多，请稍后再试', message: err.message });
        else setFormError({ title: '没能发起人脸认证', message: err.message });
      } finally {
        setSubmitting(false);
      }
    },
    [submitting, returnTo, opts, state],
  );

  return {
    step,
    verification,
    errors,
    formError,
    submitting,
    submit,
    clearError: (field) => setErrors((e) => ({ ...e, [field]: undefined })),
    checkNow: () => state.reload(),
    restart: () => {
      clearPending();
      setPending(null);
      setFormError(null);
      setStep('form');
    },
    proceed: () => void Taro.redirectTo({ url: returnTo }),
  };
}
