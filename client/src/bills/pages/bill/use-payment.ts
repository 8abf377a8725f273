import { useState } from 'react';
import type { BillView } from '@bianmin/core';
import { callFunction } from '../../../api';
import { newIdempotencyKey } from '../../../payments/idempotency';
import { useCheckout, type Checkout } from '../../../payments/use-checkout';
import { resultUrl } from '../../shared/nav';

export interface PaymentFlow {
  /** The bills in the confirm sheet (oldest first), or null when it is closed. */
  confirming: BillView[] | null;
  busy: boolean;
  error: string | null;
  sandbox: Checkout['sandbox'];
  /** One month, or several (everything owed) paid as one order. */
  open(bills: BillView[]): void;
  close(): void;
  pay(): Promise<void>;
  sandboxPaid(orderId: string): void;
  sandboxCancelled(): void;
}

const receiptUrl = (orderId: string, justPaid: boolean) => resultUrl(orderId, { justPaid });

/**
 * Pay one bill or everything owed (one order): confirm sheet → `bills.pay` (one idempotency key per attempt, reused by every
 * tap and retry of it) → the shared checkout (WeChat Pay on weapp, the sandbox sheet on h5) →
 * the receipt page.
 */
export function usePayment({
  bindingId,
  handleRefusal,
  onAbandoned,
}: {
  bindingId: string;
  /** Opens the availability sheet for a SERVICE_CLOSED & co. refusal; true when it did. */
  handleRefusal(e: unknown): boolean;
  /** The resident backed out after an order was made: the bill now shows as "payment under way". */
  onAbandoned(): void;
}): PaymentFlow {
  const [attempt, setAttempt] = useState<{ bills: BillView[]; key: string } | null>(null);
  const co = useCheckout({ receiptUrl, handleRefusal, onAbandoned });

  const pay = async () => {
    if (!attempt) return;
    const done = await co.checkout(() =>
      callFunction('bills', { action: 'pay', bindingId, billIds: attempt.bills.map((b) => b.billId), idempotencyKey: attempt.key }),
    );
    if (done) setAttempt(null);
  };

  return {
    confirming: attempt?.bills ?? null,
    busy: co.busy,
    error: co.error,
    sandbox: co.sandbox,
    open: (bills: BillView[]) => {
      if (!bills.length) return;
      setAttempt({ bills: [...bills].sort((a, b) => a.period.localeCompare(b.period)), key: newIdempotencyKey() });
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
