/** The h5 stand-in prompt's state: one question at a time, answered from the sheet. */
type Answer = 'accept' | 'reject';

let waiting: ((a: Answer) => void) | null = null;
const listeners = new Set<() => void>();

export function askSubscription(): Promise<Answer> {
  waiting?.('reject');
  return new Promise((resolve) => {
    waiting = resolve;
    listeners.forEach((l) => l());
  });
}

export function subscriptionAsked(): boolean {
  return waiting !== null;
}

export function answerSubscription(a: Answer): void {
  const w = waiting;
  waiting = null;
  w?.(a);
  listeners.forEach((l) => l());
}

export function subscribeSubscription(l: () => void): () => void {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}
