import type { BillsServiceId, UtilityKind } from '@bianmin/core';
import { UTILITY_KINDS } from '@bianmin/core/providers';

export const KINDS: readonly UtilityKind[] = UTILITY_KINDS;

/** What the bill is called (水费), the short tab name (水) and the one-glyph icon (the hub's). */
export const KIND_INFO: Record<UtilityKind, { bill: string; tab: string; glyph: string }> = {
  water: { bill: '水费', tab: '水费', glyph: '水' },
  electricity: { bill: '电费', tab: '电费', glyph: '电' },
  gas: { bill: '燃气费', tab: '燃气费', glyph: '气' },
};

export function isKind(x: unknown): x is UtilityKind {
  return typeof x === 'string' && (KINDS as readonly string[]).includes(x);
}

/** The catalogue's pay service for a utility: its hours decide whether Pay is offered now. */
export function payServiceId(kind: UtilityKind): BillsServiceId {
  return `bills.${kind}.pay`;
}
