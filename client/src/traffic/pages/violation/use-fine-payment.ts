import { useState } from 'react';
import type { TrafficOrderView, ViolationView } from '@bianmin/core';
import { callFunction } from '../../../api';
import { newIdempotencyKey } from '../../../payments/idempotency';
import { useCheckout, type Checkout } from '../../../payments/use-checkout';
import { receiptUrl } from '../../shared/nav';

export interface FinePayment {
  /** The violation in the confirm sheet, or null when it is closed. */
  confirming: ViolationView | null;
  busy: boolean;
  error: string | null;
  sandbox: Checkout<TrafficOrderView>['sandbox'];
  open(v: ViolationView): void;
  close(): void;
  pay(): Promise<void>;
  sandboxPaid(orderId: string): void;
  sandboxCancelled(): void;
}

/**
 * Pay one fine: confirm sheet → `traffic.pay` (one idempotency key per attempt, reused by every
 * tap and retry of it; the server computes today's amount) → the shared checkout (WeChat Pay on
 * weapp, the sandbox sheet on h5) → the fine's receipt.
 */
export function useFinePayment({ vehicleId, handleRefusal, onAbandoned }: { vehicleId: string; handleRefusal(e: unknown): boolean; onAbandoned(): void }): FinePayment {
  const [attempt, setAttempt] = useState<{ violation: ViolationView; key: string } | null>(null);
  const co = useCheckout<TrafficOrderView>({ receiptUrl, handleRefusal, onAbandoned });

  const pay = async () => {
    if (!attempt) return;
    const done = await co.checkout(() => callFunction('traffic', { action: 'pay', vehicleId, violationId: attempt.violation.violationId, idempotencyKey: attempt.key }));
    if (done) setAttempt(null);
  };

  return {
    confirming: attempt?.violation ?? null,
    busy: co.busy,
    error: co.error,
    sandbox: co.sandbox,
    open: (violation) => {
      setAttempt({ violation, key: newIdempotencyKey() });
      co.clearError();
    },
    close: () => {
      if (!co.busy) setAttempt(null);
    },
    pay,
    sandboxPaid: co.sandboxPaid,
    sandboxCancelled: co.sandboxCancelled,
  };
}
