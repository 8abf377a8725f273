/**
 * 亲友代办's scopes, without a schema library: the mini-program's main package (its call layer and
 * every page's banner) reads these, and the schemas live with the contract (flows/me/family.ts).
 * A scope is named after the function it opens: the client carries `actingFor` on calls to
 * exactly these functions, and a flow declares the one scope that lets a helper call it.
 */
export const FAMILY_SCOPES = ['bills', 'traffic', 'tickets', 'insurance'] as const;
export type FamilyScope = (typeof FAMILY_SCOPES)[number];

/** How each scope is named to a resident. */
export const FAMILY_SCOPE_NAMES: Record<FamilyScope, string> = {
  bills: '水电燃气缴费',
  traffic: '交通违法查询缴款',
  tickets: '12345 诉求',
  insurance: '社保查询',
};

/**
 * The platform-level key a helper adds to any call of a family-scoped function: the link they act
 * through. Like `action`, it is read by the runtime and never part of an action's own input.
 */
export const ACTING_FOR_KEY = 'actingFor';

export function isFamilyScope(name: string): name is FamilyScope {
  return (FAMILY_SCOPES as readonly string[]).includes(name);
}

/** An invitation's code shown grouped in fours (ABCD-EFGH-…), as it is read out; any grouping is accepted back. */
export function formatInviteCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
