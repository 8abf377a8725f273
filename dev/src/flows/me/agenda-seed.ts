import type { TestStack } from '../../testing/stack';
import { ZHANG } from '../../testing/stack';
import { NOON, seeded } from '../attack';

/**
 * The agenda owns nothing of its own: it gathers what the other seeders gave the first resident
 * (a household, a vehicle with fines). Seeding checks that it answers with their items, so a
 * replay by another resident has something of theirs to leak if it could.
 */
export async function seedAgenda(stack: TestStack): Promise<Record<string, never>> {
  const agenda = seeded<{ items: Array<{ kind: string }> }>(await stack.call('me', { action: 'agenda' }, { openid: ZHANG.openid, now: NOON }), 'agenda');
  // The bills seeder's bill is being paid (its pending order); the car's other fine is still owed.
  if (!agenda.items.some((i) => i.kind === 'bill' || i.kind === 'fine')) throw new Error('seeding agenda: the first resident’s owed bills and fines are not on it');
  return {};
}
