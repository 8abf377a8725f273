import type { PaymentParams } from '@bianmin/core';

export type SandboxPayment = Extract<PaymentParams, { provider: 'sandbox' }>;

export interface SandboxPaySheetProps {
  visible: boolean;
  /** Who is paid (a bill's provider; for a fine, the collecting office). */
  payee: string | null;
  payment: SandboxPayment | null;
  /** What is being paid for, in words (电费 · 2026年2月 · 户号尾号 6789). */
  description: string;
  /** The sandbox reported the payment made: go and fetch the receipt. */
  onPaid(orderId: string): void;
  onCancel(): void;
}
