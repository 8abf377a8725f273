/**
 * One key per payment attempt (made when the confirm sheet opens), sent with every tap and retry
 * of that attempt, so the server answers a double tap or a retry after a lost answer with the same
 * order instead of a second one. Matches the server's `^[A-Za-z0-9_-]{8,64}$`.
 */
export function newIdempotencyKey(): string {
  let random = '';
  while (random.length < 20) random += Math.random().toString(36).slice(2);
  return `pay_${Date.now().toString(36)}_${random.slice(0, 20)}`;
}
