import { nextPoll } from './use-order-polling';

describe('asking again about an order', () => {
  it('asks often at first, then less, then stops and leaves a refresh to the resident', () => {
    const pending = { status: 'pending' };
    expect(nextPoll(pending, null, 1_000, true)).toBe(1_500);
    expect(nextPoll(pending, null, 20_000, true)).toBe(4_000);
    expect(nextPoll({ status: 'paid' }, null, 90_000, false)).toBe(10_000);
    expect(nextPoll(pending, null, 200_000, true)).toBeNull();
  });

  it('never asks about a final order, nor waits on an unpaid one looked up from history', () => {
    for (const status of ['settled', 'closed', 'refunded']) expect(nextPoll({ status }, null, 0, true)).toBeNull();
    expect(nextPoll({ status: 'pending' }, null, 0, false)).toBeNull();
  });

  it('keeps asking after a failure that may pass, not after one that will not', () => {
    expect(nextPoll(null, { retryable: true }, 0, true)).toBe(1_500);
    expect(nextPoll(null, { retryable: false }, 0, true)).toBeNull();
  });
});
