import type { FamilyScope } from '@bianmin/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { familyLinks } from '../../db/schema';

export type { FamilyScope } from '@bianmin/core';

/**
 * The relatives `helperOpenid` helps, by live link: what the agenda lists for each (within the
 * link's scopes, acting through `linkId`). A revoked link is gone from here at once.
 */
export async function holdersHelpedBy(db: Db, helperOpenid: string): Promise<Array<{ linkId: string; holderOpenid: string; label: string; scopes: FamilyScope[] }>> {
  const rows = await db
    .select()
    .from(familyLinks)
    .where(and(eq(familyLinks.helperOpenid, helperOpenid), isNull(familyLinks.revokedAt)))
    .orderBy(asc(familyLinks.createdAt));
  return rows.map((l) => ({ linkId: l.id, holderOpenid: l.holderOpenid, label: l.holderLabel, scopes: l.scopes as FamilyScope[] }));
}
