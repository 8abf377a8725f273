import { SandboxPaySheet } from './sandbox-pay-sheet';
import type { Checkout, PaidOrder } from './use-checkout';

/** The h5 sandbox's pay sheet for a checkout (nothing on weapp: WeChat Pay's own sheet takes the money). */
export function SandboxCheckout<S, O extends PaidOrder>({ checkout, payee, describe }: { checkout: Checkout<S, O>; payee: string | null; describe(order: O): string }) {
  const sb = checkout.sandbox;
  return (
    <SandboxPaySheet
      visible={sb !== null}
      payee={payee}
      payment={sb?.payment ?? null}
      description={sb ? describe(sb.order) : ''}
      onPaid={checkout.sandboxPaid}
      onCancel={checkout.sandboxCancelled}
    />
  );
}
