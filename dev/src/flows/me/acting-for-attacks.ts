import fc from 'fast-check';
import { LEAK } from '../../attack/leak';
import { LI, ZHANG } from '../../testing/stack';
import { type FuzzExtra, NOON } from '../attack';
import type { FamilyOwned } from './family-seed';

/**
 * `actingFor` attacked by name, on a call that would succeed for the holder themselves (bills.bill
 * of the first resident's household) made by a helper with a live bills link. Every value but the
 * link itself is refused — INVALID_INPUT naming actingFor when it is not a link id, FORBIDDEN when
 * it is one the caller may not use — and nothing is recorded for the holder.
 */
export const ACTING_FOR_ATTACKS: ReadonlyArray<{ name: string; value: (o: FamilyOwned) => unknown; code: 'INVALID_INPUT' | 'FORBIDDEN' }> = [
  { name: 'a link that never existed', value: () => '00000000-0000-4000-8000-000000000000', code: 'FORBIDDEN' },
  { name: 'a revoked link of the same pair of residents', value: (o) => o.familyRevokedLinkId, code: 'FORBIDDEN' },
  { name: 'another helper’s live link to the same holder', value: (o) => o.familyOtherLinkId, code: 'FORBIDDEN' },
  { name: 'an empty string', value: () => '', code: 'INVALID_INPUT' },
  { name: 'null', value: () => null, code: 'INVALID_INPUT' },
  { name: 'a number', value: () => 1, code: 'INVALID_INPUT' },
  { name: 'true', value: () => true, code: 'INVALID_INPUT' },
  { name: 'a list of links', value: (o) => [o.familyLinkId], code: 'INVALID_INPUT' },
  { name: 'an object', value: (o) => ({ linkId: o.familyLinkId }), code: 'INVALID_INPUT' },
  { name: 'the holder’s openid', value: () => ZHANG.openid, code: 'INVALID_INPUT' },
  { name: 'SQL', value: () => "' OR 1=1 --", code: 'INVALID_INPUT' },
  { name: 'a link id with a bidi override', value: (o) => `\u202e${o.familyOtherLinkId}`, code: 'INVALID_INPUT' },
  { name: 'a link id with U+0000', value: (o) => `${o.familyOtherLinkId}\u0000`, code: 'INVALID_INPUT' },
  { name: 'a 200 KB string', value: () => 'x'.repeat(200 * 1024), code: 'INVALID_INPUT' },
];

export interface ActingForOutcome {
  name: string;
  expected: 'INVALID_INPUT' | 'FORBIDDEN';
  code: string;
  fields: string[];
  message: string;
}

type Answer = { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string; fields?: Record<string, string> } };

/**
 * Links the first resident to a fresh helper (the fuzz bodies before may have revoked the seeded
 * links), then runs ACTING_FOR_ATTACKS and sampled values as that helper, counting what the holder's
 * list says was done for them before and after.
 */
export async function attackActingFor(url: string, owned: FamilyOwned): Promise<FuzzExtra> {
  const o = owned as FamilyOwned & { bindingId: string };
  const call = async (who: string, fn: string, body: unknown): Promise<Answer> =>
    (await (await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-now': NOON, 'x-dev-openid': who }, body: JSON.stringify(body) })).json()) as Answer;
  const invite = await call(ZHANG.openid, 'me', { action: 'familyInvite', scopes: ['bills'], label: '妈妈' });
  const accepted = await call(LI.openid, 'me', { action: 'familyAccept', inviteCode: invite.data?.inviteCode });
  const linkId = (accepted.data?.link as { linkId?: string } | undefined)?.linkId;
  if (!linkId) throw new Error(`attackActingFor: no link to attack through (${accepted.error?.code} ${accepted.error?.message})`);
  const doneForHolder = async () => ((await call(ZHANG.openid, 'me', { action: 'familyList' })).data?.actions as unknown[] | undefined)?.length ?? -1;

  const before = await doneForHolder();
  const outcomes: ActingForOutcome[] = [];
  const attempt = async (name: string, expected: ActingForOutcome['expected'], fn: string, body: Record<string, unknown>) => {
    const r = await call(LI.openid, fn, body);
    outcomes.push({ name, expected, code: r.ok ? 'OK' : (r.error?.code ?? '?'), fields: Object.keys(r.error?.fields ?? {}), message: r.error?.message ?? '' });
  };
  for (const a of ACTING_FOR_ATTACKS) await attempt(a.name, a.code, 'bills', { action: 'bill', bindingId: o.bindingId, actingFor: a.value(owned) });
  // The helper's own live link, outside its scope and on a flow nobody may act in.
  await attempt('the helper’s bills link on traffic', 'FORBIDDEN', 'traffic', { action: 'vehicles', actingFor: linkId });
  await attempt('the helper’s bills link on the family circle itself', 'FORBIDDEN', 'me', { action: 'familyList', actingFor: linkId });
  // Drawn values: anything that is not the link is refused one way or the other.
  for (const [i, value] of fc.sample(fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 })), { seed: 2026_1207, numRuns: 30 }).entries()) {
    if (value === linkId || value === undefined) continue;
    await attempt(`drawn value ${i}`, typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? 'FORBIDDEN' : 'INVALID_INPUT', 'bills', { action: 'bill', bindingId: o.bindingId, actingFor: value });
  }
  const after = await doneForHolder();

  const failures = outcomes.flatMap((x) => {
    if (x.code !== x.expected) return [{ action: `actingFor: ${x.name}`, problem: `expected ${x.expected}, got ${x.code} (${x.message})` }];
    if (x.code === 'INVALID_INPUT' && !x.fields.includes('actingFor')) return [{ action: `actingFor: ${x.name}`, problem: `INVALID_INPUT without naming actingFor (fields: ${x.fields.join(', ') || 'none'})` }];
    if (LEAK.test(x.message)) return [{ action: `actingFor: ${x.name}`, problem: `leaks: ${x.message}` }];
    return [];
  });
  if (after !== before) failures.push({ action: 'actingFor', problem: `the holder's list went ${before} → ${after}: a refused call was recorded as done for them` });
  // The same call through the link itself goes through: the refusals above are about the values, not the call.
  const real = await call(LI.openid, 'bills', { action: 'bill', bindingId: o.bindingId, actingFor: linkId });
  if (!real.ok) failures.push({ action: 'actingFor: the helper’s own link', problem: `refused: ${real.error?.code} ${real.error?.message}` });
  await call(ZHANG.openid, 'me', { action: 'familyRevoke', linkId });
  return { outcomes, failures };
}
