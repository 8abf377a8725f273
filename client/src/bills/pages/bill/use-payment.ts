import { useState } from 'react';
import type { BillView } from '@bianmin/core';
import { callFunction } from '../../../api';
import { newIdempotencyKey } from '../../../payments/idempotency';
import { useCheckout, type Checkout } from '../../../payments/use-checkout';
import { resultUrl } from '../../shared/nav';

export interface PaymentFlow {
  /** The bill in the confirm sheet, or null when it is closed. */
  confirming: BillView | null;
  busy: boolean;
  error: string | null;
  sandbox: Checkout['sandbox'];
  open(bill: BillView): void;
  close(): void;
  pay(): Promise<void>;
  sandboxPaid(orderId: string): void;
  sandboxCancelled(): void;
}

const receiptUrl = (orderId: string, justPaid: boolean) => resultUrl(orderId, { justPaid });

/**
 * Pay one bill: confirm sheet → `bills.pay` (one idempotency key per attempt, reused by every
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
  const [attempt, setAttempt] = useState<{ bill: BillView; key: string } | null>(null);
  const co = useCheckout({ receiptUrl, handleRefusal, onAbandoned });

  const pay = async () => {
    if (!attempt) return;
    const done = await co.checkout(() =>
      callFunction('bills', { action: 'pay', bindingId, billId: attempt.bill.billId, idempotencyKey: attempt.key }),
    );
    if (done) setAttempt(null);
  };

  return {
    confirming: attempt?.bill ?? null,
    busy: co.busy,
    error: co.error,
    sandbox: co.sandbox,
    open: (bill: BillView) => {
      setAttempt({ bill, key: newIdempotencyKey() });
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
