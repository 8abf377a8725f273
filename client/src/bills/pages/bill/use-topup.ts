import { useState } from 'react';
import { callFunction, toApiError } from '../../../api';
import { newIdempotencyKey } from '../../../payments/idempotency';
import { useCheckout, type Checkout } from '../../../payments/use-checkout';
import { resultUrl } from '../../shared/nav';

export interface TopupFlow {
  open: boolean;
  busy: boolean;
  /** The checkout's error, when it is not about the amount. */
  error: string | null;
  /** The server's word on the amount (`fields.amount` of INVALID_INPUT), shown under the field. */
  fieldError: string | null;
  sandbox: Checkout['sandbox'];
  start(): void;
  close(): void;
  edited(): void;
  pay(amount: number): Promise<void>;
  sandboxPaid(orderId: string): void;
  sandboxCancelled(): void;
}

/**
 * A prepay meter's top-up: `bills.topup` (one idempotency key per amount within an opening of
 * the sheet, so a retry of the same amount names the same order) → the shared checkout → the
 * receipt page.
 */
export function useTopup({ bindingId, handleRefusal, onAbandoned }: { bindingId: string; handleRefusal(e: unknown): boolean; onAbandoned(): void }): TopupFlow {
  const [open, setOpen] = useState(false);
  const [keys, setKeys] = useState<Record<number, string>>({});
  const [fieldError, setFieldError] = useState<string | null>(null);
  const co = useCheckout({ receiptUrl: (orderId, justPaid) => resultUrl(orderId, { justPaid }), handleRefusal, onAbandoned });

  const pay = async (amount: number) => {
    const key = keys[amount] ?? newIdempotencyKey();
    if (!keys[amount]) setKeys((k) => ({ ...k, [amount]: key }));
    setFieldError(null);
    const done = await co.checkout(async () => {
      try {
        return await callFunction('bills', { action: 'topup', bindingId, amount, idempotencyKey: key });
      } catch (e) {
        const err = toApiError(e);
        if (err.code === 'INVALID_INPUT' && err.fields?.amount) setFieldError(err.fields.amount);
        throw e;
      }
    });
    if (done) setOpen(false);
  };

  return {
    open,
    busy: co.busy,
    error: fieldError ? null : co.error,
    fieldError,
    sandbox: co.sandbox,
    start: () => {
      setKeys({});
      setFieldError(null);
      co.clearError();
      setOpen(true);
    },
    close: () => {
      if (!co.busy) setOpen(false);
    },
    edited: () => {
      setFieldError(null);
      co.clearError();
    },
    pay,
    sandboxPaid: co.sandboxPaid,
    sandboxCancelled: co.sandboxCancelled,
  };
}
