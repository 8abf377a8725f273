import { DELETE_CONFIRM_WORD } from '@bianmin/core';
import { LEAK } from '../../attack/leak';
import { LI } from '../../testing/stack';
import { defineDevFlow, type FuzzExtra, NOON } from '../attack';
import { attackActingFor } from './acting-for-attacks';
import { seedAgenda } from './agenda-seed';
import { DELETE_REPLAY_AT, type MyDataOwned, seedMyData } from './data-seed';
import { type FamilyOwned, seedFamily } from './family-seed';

/**
 * me.delete's confirmation, attacked by name with a live confirmation of the resident's own at hand:
 * each must be refused with its code (and, for bad input, the field named), and the resident's data
 * must be all there afterwards. `live` is the resident's own fresh confirmation, `theirs` another
 * resident's, `expired` the seeded one (asked at 11:00, ten minutes).
 */
export const CONFIRM_ATTACKS: ReadonlyArray<{ name: string; body: (t: { live: string; theirs: string; expired: string }) => Record<string, unknown>; code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT'; field?: string }> = [
  { name: 'another resident’s live confirmation', body: (t) => ({ confirmToken: t.theirs, confirmWord: DELETE_CONFIRM_WORD }), code: 'NOT_FOUND' },
  { name: 'the resident’s own expired confirmation', body: (t) => ({ confirmToken: t.expired, confirmWord: DELETE_CONFIRM_WORD }), code: 'CONFLICT' },
  { name: 'no word', body: (t) => ({ confirmToken: t.live }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'the word in traditional characters', body: (t) => ({ confirmToken: t.live, confirmWord: '刪除' }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'the word with a zero-width space', body: (t) => ({ confirmToken: t.live, confirmWord: '删\u200b除' }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'the word spaced out', body: (t) => ({ confirmToken: t.live, confirmWord: '删 除' }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'the word in English', body: (t) => ({ confirmToken: t.live, confirmWord: 'DELETE' }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'the word as a list', body: (t) => ({ confirmToken: t.live, confirmWord: [DELETE_CONFIRM_WORD] }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'true instead of the word', body: (t) => ({ confirmToken: t.live, confirmWord: true }), code: 'INVALID_INPUT', field: 'confirmWord' },
  { name: 'no confirmation', body: () => ({ confirmWord: DELETE_CONFIRM_WORD }), code: 'INVALID_INPUT', field: 'confirmToken' },
  { name: 'the confirmation with a space after it', body: (t) => ({ confirmToken: `${t.live} `, confirmWord: DELETE_CONFIRM_WORD }), code: 'INVALID_INPUT', field: 'confirmToken' },
  { name: 'the confirmation one character short', body: (t) => ({ confirmToken: t.live.slice(1), confirmWord: DELETE_CONFIRM_WORD }), code: 'INVALID_INPUT', field: 'confirmToken' },
  { name: 'the confirmation in upper case', body: (t) => ({ confirmToken: t.live.toUpperCase() === t.live ? t.live.toLowerCase() : t.live.toUpperCase(), confirmWord: DELETE_CONFIRM_WORD }), code: 'NOT_FOUND' },
  { name: 'SQL in the confirmation', body: () => ({ confirmToken: "' OR 1=1 --", confirmWord: DELETE_CONFIRM_WORD }), code: 'INVALID_INPUT', field: 'confirmToken' },
];

export interface ConfirmOutcome {
  name: string;
  expected: string;
  code: string;
  fields: string[];
  message: string;
}

async function attackConfirmation(url: string, _o: MyDataOwned, openid: string): Promise<FuzzExtra> {
  const call = async (who: string, body: Record<string, unknown>, now = NOON) =>
    (await (await fetch(`${url}/api/me`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-now': now, 'x-dev-openid': who }, body: JSON.stringify(body) })).json()) as {
      ok: boolean;
      data?: { confirmToken?: string; sections?: Array<{ rows: unknown[] }> };
      error?: { code: string; message: string; fields?: Record<string, string> };
    };
  const held = async () => (await call(openid, { action: 'export' })).data?.sections?.reduce((n, s) => n + s.rows.length, 0) ?? -1;
  const tokens = {
    live: (await call(openid, { action: 'deletePlan' })).data?.confirmToken ?? '',
    theirs: (await call(LI.openid, { action: 'deletePlan' })).data?.confirmToken ?? '',
    expired: _o.deleteToken,
  };
  if (!tokens.live || !tokens.theirs) throw new Error('attackConfirmation: no deletion plan to attack');
  const before = await held();
  const outcomes: ConfirmOutcome[] = [];
  for (const a of CONFIRM_ATTACKS) {
    const r = await call(openid, { action: 'delete', ...a.body(tokens) });
    outcomes.push({ name: a.name, expected: a.code, code: r.ok ? 'OK' : (r.error?.code ?? '?'), fields: Object.keys(r.error?.fields ?? {}), message: r.error?.message ?? '' });
  }
  const after = await held();
  const failures = outcomes.flatMap((o, i) => {
    const field = CONFIRM_ATTACKS[i].field;
    if (o.code !== o.expected) return [{ action: `delete: ${o.name}`, problem: `expected ${o.expected}, got ${o.code} (${o.message})` }];
    if (field && !o.fields.includes(field)) return [{ action: `delete: ${o.name}`, problem: `INVALID_INPUT without naming ${field} (fields: ${o.fields.join(', ') || 'none'})` }];
    if (LEAK.test(o.message)) return [{ action: `delete: ${o.name}`, problem: `leaks: ${o.message}` }];
    return [];
  });
  if (after !== before || before <= 0) failures.push({ action: 'delete', problem: `the resident's rows ${before} → ${after}: a refused confirmation erased something` });
  return { outcomes, failures };
}

/**
 * 我的: the agenda answers about the caller only (it gathers what the other seeders gave the first
 * resident), the first resident's family circle (their helpers' links, a revoked one, a spent
 * code), and a live deletion confirmation of the first resident's.
 */
export const meAttack = defineDevFlow({
  fn: 'me',
  // The family circle first (its helpers' links are what the agenda lists by person), then the agenda, then the deletion plan.
  seed: async (stack) => ({ ...(await seedFamily(stack)), ...(await seedAgenda(stack)), ...(await seedMyData(stack)) }),
  secrets: (o) => ({
    deleteToken: [o.deleteToken],
    familyLinkId: [o.familyLinkId],
    familyRevokedLinkId: [o.familyRevokedLinkId],
    familyOtherLinkId: [o.familyOtherLinkId],
    familyUsedCode: [o.familyUsedCode],
  }),
  recipes: {
    agenda: { body: () => ({ action: 'agenda' }), replay: 'own' },
    // Inviting names nobody: another resident gets their own code.
    familyInvite: { body: () => ({ action: 'familyInvite', scopes: ['bills'], label: '妈妈' }), replay: 'own' },
    // A code is a bearer token until accepted; a spent one opens nothing for anybody (CONFLICT).
    familyAccept: { body: (o) => ({ action: 'familyAccept', inviteCode: o.familyUsedCode }), replay: 'own' },
    familyList: { body: () => ({ action: 'familyList' }), replay: 'own' },
    familyRevoke: { body: (o) => ({ action: 'familyRevoke', linkId: o.familyOtherLinkId }), replay: 'NOT_FOUND' },
    // The other resident's own export: after the matrix's replays it holds the same household (bound
    // with its holder's name), the same vehicle, and nothing else of theirs.
    export: { body: () => ({ action: 'export' }), replay: 'own', mayEcho: ['accountNo', 'holderName', 'address'] },
    deletePlan: { body: () => ({ action: 'deletePlan' }), replay: 'own' },
    delete: { body: (o) => ({ action: 'delete', confirmToken: o.deleteToken, confirmWord: DELETE_CONFIRM_WORD }), now: DELETE_REPLAY_AT, replay: 'NOT_FOUND' },
  },
  // Both named attacks: the deletion's confirmation, and actingFor's values.
  fuzz: async (url, o: MyDataOwned & FamilyOwned, openid) => {
    const a = await attackConfirmation(url, o, openid);
    const b = await attackActingFor(url, o);
    return { outcomes: [...a.outcomes, ...b.outcomes], failures: [...a.failures, ...b.failures] };
  },
});
