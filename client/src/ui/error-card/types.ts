export interface ErrorCardProps {
  /** Class-name prefix of the page (`hub`, `messages`, `bm-bills-orders`): `<prefix>-error` and `<prefix>-retry` place the card and are the browser tests' hooks. */
  prefix: string;
  /** True when older data is still shown below: the card is then a slim notice above it. */
  inline: boolean;
  title: string;
  message: string;
  retrying: boolean;
  onRetry(): void;
  /** Class of the retry button besides `<prefix>-retry`. */
  retryClassName?: string;
}
