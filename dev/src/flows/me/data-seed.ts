import type { DeletePlan } from '@bianmin/core';
import { ZHANG, type TestStack } from '../../testing/stack';
import { seeded } from '../attack';

/**
 * The first resident's deletion confirmation, asked an hour before the matrix's noon and good for
 * ten minutes: the matrix replays it while it still holds (another resident must get NOT_FOUND, the
 * first resident's data untouched), and every fuzzed body, sent at noon, finds it expired — so no
 * generated body can ever erase the first resident the rest of the suite relies on.
 */
export const DELETE_PLAN_AT = '2026-03-10T11:00:00+08:00';
export const DELETE_REPLAY_AT = '2026-03-10T11:05:00+08:00';

export interface MyDataOwned {
  deleteToken: string;
}

export async function seedMyData(stack: TestStack): Promise<MyDataOwned> {
  const plan = seeded<DeletePlan>(await stack.call('me', { action: 'deletePlan' }, { openid: ZHANG.openid, now: DELETE_PLAN_AT }), 'deletePlan');
  return { deleteToken: plan.confirmToken };
}
